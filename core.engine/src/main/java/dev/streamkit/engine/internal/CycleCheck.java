package dev.streamkit.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * StreamKit's cycle rule, shared by the YAML compiler (over {@code needs}) and the graph rules (over
 * connections): a cycle is allowed only when one of its nodes is bidirectional. Equivalently, the graph
 * without its bidirectional nodes must be acyclic, which a depth-first search over the other nodes decides.
 * The search visits nodes and edges in the order given, so the reported cycle is stable. Iterative: a long
 * chain cannot overflow the stack.
 */
public final class CycleCheck {

    private enum Mark { VISITING, DONE }

    private CycleCheck() {
    }

    /**
     * The first cycle without a bidirectional node, as {@code [a, b, ..., a]}, or {@code null}.
     *
     * @param nodes         every node, in search order
     * @param successors    a node's successors in edge order (ids outside {@code nodes} are ignored)
     * @param bidirectional whether a node may close a cycle
     */
    public static List<String> firstCycle(Iterable<String> nodes, Function<String, List<String>> successors,
                                          Predicate<String> bidirectional) {
        Map<String, Mark> marks = new HashMap<>();
        for (String node : nodes) marks.put(node, null);
        for (String start : nodes) {
            if (marks.get(start) != null || bidirectional.test(start)) continue;
            List<String> cycle = visit(start, successors, bidirectional, marks);
            if (cycle != null) return cycle;
        }
        return null;
    }

    private static List<String> visit(String start, Function<String, List<String>> successors,
                                      Predicate<String> bidirectional, Map<String, Mark> marks) {
        List<String> path = new ArrayList<>();
        List<Integer> nextChild = new ArrayList<>();
        path.add(start);
        nextChild.add(0);
        marks.put(start, Mark.VISITING);
        while (!path.isEmpty()) {
            int top = path.size() - 1;
            String node = path.get(top);
            List<String> next = successors.apply(node);
            int index = nextChild.get(top);
            if (index >= next.size()) {
                marks.put(node, Mark.DONE);
                path.remove(top);
                nextChild.remove(top);
                continue;
            }
            nextChild.set(top, index + 1);
            String child = next.get(index);
            if (!marks.containsKey(child) || bidirectional.test(child)) continue;
            Mark mark = marks.get(child);
            if (mark == Mark.VISITING) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child), path.size()));
                cycle.add(child);
                return cycle;
            }
            if (mark == null) {
                marks.put(child, Mark.VISITING);
                path.add(child);
                nextChild.add(0);
            }
        }
        return null;
    }
}
