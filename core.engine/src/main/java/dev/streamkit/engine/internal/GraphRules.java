package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.PipelineException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StreamKit's rules for a graph of planned nodes, the one implementation behind the oneshot planner,
 * session creation and live edits (single operations and batches), with StreamKit's messages:
 *
 * <ul>
 *   <li>no fan-out (oneshot only: {@code Oneshot pipelines must be linear: ...});</li>
 *   <li>connected nodes and pins exist ({@code Unknown output pin 'a.b' referenced by connection}); an output
 *       pin of a family ({@link OutputPin#family}) exists when the family's pattern admits its name;</li>
 *   <li>no two connections between the same pins;</li>
 *   <li>a {@code One} input takes one connection;</li>
 *   <li>a cycle needs a bidirectional node on it ({@link CycleCheck});</li>
 *   <li>types connect ({@link PacketType#canConnect}); a {@code Passthrough} output takes the type flowing
 *       into its node (propagated up to {@value #PASSTHROUGH_ITERATIONS} times). Oneshot refuses a
 *       Passthrough that stays unresolved ({@code Incompatible connection: ...}); a session accepts it and
 *       any connection into an input accepting Passthrough, as StreamKit's dynamic engine does
 *       ({@code Type mismatch ...}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class GraphRules {

    /** Which engine's variant of the rules applies. */
    public enum Mode { ONESHOT, SESSION }

    private static final int PASSTHROUGH_ITERATIONS = 100;

    private final Mode mode;

    public GraphRules(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Whether connection {@code c} is meaningful on its own in the graph {@code nodes} + {@code connections}:
     * its nodes and pins exist and its types connect (with {@code c} taking part in Passthrough resolution).
     */
    void checkConnection(Map<String, PlannedNode> nodes, List<Connection> connections, Connection c) throws PipelineException {
        checkPinsExist(nodes, c);
        List<Connection> with = new ArrayList<>(connections);
        with.add(c);
        checkType(nodes, resolveOutputs(nodes, with), c);
    }

    /**
     * Checks every rule on the whole graph, in StreamKit's order.
     *
     * @param fresh connections added to a graph that satisfied the rules: a cycle through one of them is
     *              reported as that connection's ({@code Connection a.out -> b.in would create a cycle: ...});
     *              empty for a whole pipeline ({@code Circular dependency detected: ...})
     */
    void checkGraph(Map<String, PlannedNode> nodes, List<Connection> connections, Collection<Connection> fresh)
            throws PipelineException {
        if (mode == Mode.ONESHOT) checkNoFanOut(connections);
        for (Connection c : connections) checkPinsExist(nodes, c);
        checkNoDuplicates(connections);
        checkCardinality(nodes, connections);
        checkCycles(nodes, connections, fresh);
        Map<String, PacketType> resolved = resolveOutputs(nodes, connections);
        for (Connection c : connections) checkType(nodes, resolved, c);
    }

    private static void checkNoFanOut(List<Connection> connections) throws PipelineException {
        Map<String, Integer> outgoing = new LinkedHashMap<>();
        for (Connection c : connections) outgoing.merge(c.fromNode() + "." + c.fromPin(), 1, Integer::sum);
        for (Map.Entry<String, Integer> entry : outgoing.entrySet()) {
            if (entry.getValue() > 1) {
                throw configuration("Oneshot pipelines must be linear: output pin '" + entry.getKey() + "' has "
                        + entry.getValue() + " outgoing connections (fan-out not supported yet)");
            }
        }
    }

    private static void checkPinsExist(Map<String, PlannedNode> nodes, Connection c) throws PipelineException {
        PlannedNode from = nodes.get(c.fromNode());
        PlannedNode to = nodes.get(c.toNode());
        if (from == null) throw configuration("Node '" + c.fromNode() + "' not found (referenced by connection " + c + ")");
        if (to == null) throw configuration("Node '" + c.toNode() + "' not found (referenced by connection " + c + ")");
        if (from.output(c.fromPin()) == null) {
            throw configuration("Unknown output pin '" + c.fromNode() + "." + c.fromPin() + "' referenced by connection");
        }
        if (to.input(c.toPin()) == null) {
            throw configuration("Unknown input pin '" + c.toNode() + "." + c.toPin() + "' referenced by connection");
        }
    }

    private static void checkNoDuplicates(List<Connection> connections) throws PipelineException {
        for (int i = 0; i < connections.size(); i++) {
            for (int j = i + 1; j < connections.size(); j++) {
                if (GraphModel.samePins(connections.get(i), connections.get(j))) {
                    throw configuration("Connection " + connections.get(j) + " already exists");
                }
            }
        }
    }

    private static void checkCardinality(Map<String, PlannedNode> nodes, List<Connection> connections)
            throws PipelineException {
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : connections) {
            String key = c.toNode() + "." + c.toPin();
            int count = incoming.merge(key, 1, Integer::sum);
            if (count > 1 && nodes.get(c.toNode()).input(c.toPin()).cardinality().equals(Cardinality.ONE)) {
                throw configuration("Input pin '" + key + "' (cardinality: One) cannot accept multiple connections");
            }
        }
    }

    private static void checkCycles(Map<String, PlannedNode> nodes, List<Connection> connections,
                                    Collection<Connection> fresh) throws PipelineException {
        Map<String, List<String>> downstream = new HashMap<>();
        for (Connection c : connections) downstream.computeIfAbsent(c.fromNode(), k -> new ArrayList<>()).add(c.toNode());
        List<String> cycle = CycleCheck.firstCycle(nodes.keySet(), id -> downstream.getOrDefault(id, List.of()),
                id -> nodes.get(id).factory().definition().bidirectional());
        if (cycle == null) return;
        for (int i = 0; i + 1 < cycle.size(); i++) {
            for (Connection c : fresh) {
                if (c.fromNode().equals(cycle.get(i)) && c.toNode().equals(cycle.get(i + 1))) {
                    throw configuration("Connection " + c + " would create a cycle: " + String.join(" -> ", startingAt(cycle, i)));
                }
            }
        }
        throw configuration("Circular dependency detected: " + String.join(" -> ", cycle));
    }

    /** {@code [a, b, c, a]} rotated to start at index {@code i}: {@code [b, c, a, b]} for 1. */
    private static List<String> startingAt(List<String> cycle, int i) {
        List<String> open = cycle.subList(0, cycle.size() - 1);
        List<String> rotated = new ArrayList<>(open.subList(i, open.size()));
        rotated.addAll(open.subList(0, i));
        rotated.add(rotated.get(0));
        return rotated;
    }

    private void checkType(Map<String, PlannedNode> nodes, Map<String, PacketType> resolved, Connection c)
            throws PipelineException {
        PacketType produced = resolved.get(c.fromNode() + "." + c.fromPin());
        InputPin input = nodes.get(c.toNode()).input(c.toPin());
        boolean unresolved = produced.kind() == PacketType.Kind.PASSTHROUGH;
        if (mode == Mode.SESSION) {
            boolean unchecked = unresolved
                    || input.acceptsTypes().stream().anyMatch(type -> type.kind() == PacketType.Kind.PASSTHROUGH);
            if (unchecked || accepts(input, produced)) return;
            throw configuration("Type mismatch for connection " + c + ": source produces " + produced
                    + ", but destination accepts " + input.acceptsTypes());
        }
        if (!unresolved && accepts(input, produced)) return;
        throw configuration("Incompatible connection: " + c.fromNode() + "." + c.fromPin() + " (" + produced
                + ") -> " + c.toNode() + "." + c.toPin() + " (accepts " + input.acceptsTypes() + ")");
    }

    private static boolean accepts(InputPin input, PacketType produced) {
        return input.acceptsTypes().stream().anyMatch(accepted -> PacketType.canConnect(produced, accepted));
    }

    /** Output type per {@code node.pin}; Passthrough outputs take the type flowing into their node. */
    private static Map<String, PacketType> resolveOutputs(Map<String, PlannedNode> nodes, List<Connection> connections) {
        Map<String, PacketType> types = new HashMap<>();
        for (PlannedNode node : nodes.values()) {
            for (OutputPin pin : node.outputs()) types.put(node.id() + "." + pin.name(), pin.producesType());
        }
        for (Connection c : connections) {
            OutputPin declared = nodes.get(c.fromNode()).output(c.fromPin());
            types.putIfAbsent(c.fromNode() + "." + c.fromPin(), declared.producesType());
        }
        for (int iteration = 0; iteration < PASSTHROUGH_ITERATIONS; iteration++) {
            boolean changed = false;
            for (Connection c : connections) {
                PacketType upstream = types.get(c.fromNode() + "." + c.fromPin());
                if (upstream.kind() == PacketType.Kind.PASSTHROUGH) continue;
                for (OutputPin pin : nodes.get(c.toNode()).outputs()) {
                    String key = c.toNode() + "." + pin.name();
                    if (types.get(key).kind() == PacketType.Kind.PASSTHROUGH) {
                        types.put(key, upstream);
                        changed = true;
                    }
                }
            }
            if (!changed) break;
        }
        return types;
    }

    private static PipelineException configuration(String message) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, message);
    }
}
