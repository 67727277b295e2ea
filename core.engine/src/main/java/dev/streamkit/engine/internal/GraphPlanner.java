package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.PipelineException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a pipeline before any node exists, in StreamKit's order: kinds exist, params fit their schema,
 * no fan-out (oneshot only; sessions allow it), pins exist, single-connection inputs take one connection,
 * Passthrough outputs resolve, and every connection's types are compatible. Messages are StreamKit's.
 */
public final class GraphPlanner {

    private static final int PASSTHROUGH_ITERATIONS = 100;

    private final Function<String, NodeFactory> factories;
    private final Function<String, List<String>> suggestions;
    private final boolean linear;

    /**
     * A planner for the oneshot engine, which refuses fan-out.
     *
     * @param factories   kind → factory, or {@code null} when unknown
     * @param suggestions kind → close known kind names, for the unknown-kind message
     */
    public GraphPlanner(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions) {
        this(factories, suggestions, true);
    }

    /** @param linear whether one output pin may feed only one input (oneshot) or several (sessions) */
    public GraphPlanner(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions,
                        boolean linear) {
        this.factories = factories;
        this.suggestions = suggestions;
        this.linear = linear;
    }

    /** The checked nodes, by id in pipeline order. */
    public Map<String, PlannedNode> plan(Pipeline pipeline) throws PipelineException {
        Map<String, PlannedNode> planned = new LinkedHashMap<>();
        for (Map.Entry<String, PipelineNode> entry : pipeline.nodes().entrySet()) {
            planned.put(entry.getKey(), planNode(entry.getKey(), entry.getValue()));
        }
        if (linear) checkNoFanOut(pipeline.connections());
        for (Connection connection : pipeline.connections()) checkPinsExist(planned, connection);
        checkCardinality(planned, pipeline.connections());
        checkTypes(planned, pipeline.connections());
        return planned;
    }

    /** Checks one node: its kind exists (else suggestions) and its params fit the kind's schema. */
    public PlannedNode planNode(String id, PipelineNode node) throws PipelineException {
        NodeFactory factory = factories.apply(node.kind());
        if (factory == null) {
            List<String> close = suggestions.apply(node.kind());
            throw configuration("Node type '" + node.kind() + "' not found in registry"
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close.stream().map(k -> "'" + k + "'").toList()) + "?)"));
        }
        ParamValidator.validate(id, node.kind(), node.params(), factory.definition().params());
        Params params = Params.of(node.params());
        return new PlannedNode(id, node.kind(), factory, params, factory.inputs(params), factory.outputs(params));
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

    private static void checkCardinality(Map<String, PlannedNode> nodes, List<Connection> connections)
            throws PipelineException {
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : connections) {
            String key = c.toNode() + "." + c.toPin();
            int count = incoming.merge(key, 1, Integer::sum);
            Cardinality cardinality = nodes.get(c.toNode()).input(c.toPin()).cardinality();
            if (count > 1 && cardinality.equals(Cardinality.ONE)) {
                throw configuration("Input pin '" + key + "' (cardinality: One) cannot accept multiple connections");
            }
        }
    }

    private static void checkTypes(Map<String, PlannedNode> nodes, List<Connection> connections) throws PipelineException {
        Map<String, PacketType> resolved = resolvePassthrough(nodes, connections);
        for (Connection c : connections) {
            PacketType produced = resolved.get(c.fromNode() + "." + c.fromPin());
            InputPin input = nodes.get(c.toNode()).input(c.toPin());
            boolean compatible = produced.kind() != PacketType.Kind.PASSTHROUGH
                    && input.acceptsTypes().stream().anyMatch(accepted -> PacketType.canConnect(produced, accepted));
            if (!compatible) {
                throw configuration("Incompatible connection: " + c.fromNode() + "." + c.fromPin() + " (" + produced
                        + ") -> " + c.toNode() + "." + c.toPin() + " (accepts " + input.acceptsTypes() + ")");
            }
        }
    }

    /** Output type per {@code node.pin}; Passthrough outputs take the type flowing into their node. */
    private static Map<String, PacketType> resolvePassthrough(Map<String, PlannedNode> nodes, List<Connection> connections) {
        Map<String, PacketType> types = new HashMap<>();
        for (PlannedNode node : nodes.values()) {
            for (OutputPin pin : node.outputs()) types.put(node.id() + "." + pin.name(), pin.producesType());
        }
        List<Connection> ordered = new ArrayList<>(connections);
        for (int iteration = 0; iteration < PASSTHROUGH_ITERATIONS; iteration++) {
            boolean changed = false;
            for (Connection c : ordered) {
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
