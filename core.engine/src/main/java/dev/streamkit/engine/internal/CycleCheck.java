package dev.streamkit.engine;

import dev.streamkit.api.pipeline.PipelineNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Depth-first search over {@code needs} in declaration order. A cycle is refused with StreamKit's
 * message ({@code Circular dependency detected: a -> b -> a}) unless one node on it has a
 * bidirectional kind. Iterative, so a long chain cannot overflow the stack.
 */
final class CycleCheck {

    private enum Mark { VISITING, DONE }

    private final Map<String, PipelineNode> nodes;
    private final Map<String, List<PipelineCompiler.Dependency>> needs;
    private final Predicate<String> bidirectionalKind;
    private final Map<String, Mark> marks = new HashMap<>();

    CycleCheck(Map<String, PipelineNode> nodes, Map<String, List<PipelineCompiler.Dependency>> needs,
               Predicate<String> bidirectionalKind) {
        this.nodes = nodes;
        this.needs = needs;
        this.bidirectionalKind = bidirectionalKind;
    }

    void run() throws PipelineException {
        for (String start : nodes.keySet()) {
            if (!marks.containsKey(start)) visit(start);
        }
    }

    private void visit(String start) throws PipelineException {
        List<String> path = new ArrayList<>();
        List<Integer> nextChild = new ArrayList<>();
        path.add(start);
        nextChild.add(0);
        marks.put(start, Mark.VISITING);
        while (!path.isEmpty()) {
            int top = path.size() - 1;
            String node = path.get(top);
            List<PipelineCompiler.Dependency> deps = needs.get(node);
            int index = nextChild.get(top);
            if (index >= deps.size()) {
                marks.put(node, Mark.DONE);
                path.remove(top);
                nextChild.remove(top);
                continue;
            }
            nextChild.set(top, index + 1);
            String dep = deps.get(index).node();
            Mark mark = marks.get(dep);
            if (mark == Mark.VISITING) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep), path.size()));
                if (cycle.stream().noneMatch(id -> bidirectionalKind.test(nodes.get(id).kind()))) {
                    cycle.add(dep);
                    throw new PipelineException(PipelineException.Kind.STRUCTURE,
                            "Circular dependency detected: " + String.join(" -> ", cycle));
                }
            } else if (mark == null) {
                marks.put(dep, Mark.VISITING);
                path.add(dep);
                nextChild.add(0);
            }
        }
    }
}
