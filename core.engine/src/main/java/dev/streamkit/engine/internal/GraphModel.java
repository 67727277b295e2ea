package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.PipelineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A session's graph as data (planned nodes, their given params, connections), used to check a graph
 * operation before anything live changes: each {@code add/remove/connect/disconnect} validates and then
 * changes this model only. Not thread-safe: the session guards it; batches work on a {@link #copy}.
 */
final class GraphModel {

    private static final int PASSTHROUGH_DEPTH = 100;

    private final GraphPlanner planner;
    private final Map<String, PlannedNode> nodes;
    private final Map<String, PipelineNode> specs;
    private final List<Connection> connections;

    GraphModel(GraphPlanner planner, Map<String, PlannedNode> nodes, Pipeline pipeline) {
        this(planner, nodes, pipeline.nodes(), pipeline.connections());
    }

    private GraphModel(GraphPlanner planner, Map<String, PlannedNode> nodes, Map<String, PipelineNode> specs,
                       List<Connection> connections) {
        this.planner = planner;
        this.nodes = new LinkedHashMap<>(nodes);
        this.specs = new LinkedHashMap<>(specs);
        this.connections = new ArrayList<>(connections);
    }

    GraphModel copy() {
        return new GraphModel(planner, nodes, specs, connections);
    }

    /** Planned nodes by id, in insertion order (a snapshot). */
    Map<String, PlannedNode> nodes() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    PlannedNode node(String id) {
        return nodes.get(id);
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }

    Pipeline toPipeline(Pipeline template) {
        return new Pipeline(template.name(), template.description(), template.mode(), specs, connections);
    }

    /** Replaces a node's stored params (after a tune). */
    void setParams(String id, Map<String, Object> params) {
        PipelineNode spec = specs.get(id);
        if (spec != null) specs.put(id, new PipelineNode(spec.kind(), params));
    }

    /**
     * Plans node {@code id} again from its stored spec (its params as last tuned) with the factory its kind
     * has now, and records that plan: a plugin upgrade moved the node to a new bundle revision.
     */
    PlannedNode replan(String id) throws PipelineException {
        PlannedNode planned = planner.planNode(id, specs.get(id));
        nodes.put(id, planned);
        return planned;
    }

    /** Checks and records a new node; returns its plan. */
    PlannedNode addNode(String id, String kind, Map<String, Object> params) throws PipelineException {
        if (id == null || id.isBlank()) throw configuration("Node id must not be empty");
        if (kind == null || kind.isBlank()) throw configuration("Node '" + id + "' needs a kind");
        if (nodes.containsKey(id)) throw configuration("Node '" + id + "' already exists in the session");
        if (SessionRegistry.isOneshotOnly(kind)) {
            throw configuration("Node type '" + kind + "' is oneshot-only and cannot be used in dynamic sessions");
        }
        PipelineNode spec = new PipelineNode(kind, params);
        PlannedNode planned = planner.planNode(id, spec);
        nodes.put(id, planned);
        specs.put(id, spec);
        return planned;
    }

    /** Checks and forgets a node; returns the connections that touched it, now dropped. */
    List<Connection> removeNode(String id) throws PipelineException {
        if (!nodes.containsKey(id)) throw configuration("Node '" + id + "' not found in the session");
        List<Connection> dropped = new ArrayList<>();
        for (Connection c : connections) {
            if (c.fromNode().equals(id) || c.toNode().equals(id)) dropped.add(c);
        }
        connections.removeAll(dropped);
        nodes.remove(id);
        specs.remove(id);
        return dropped;
    }

    /** Checks and records a connection. */
    void connect(Connection c) throws PipelineException {
        PlannedNode from = existing(c.fromNode(), c);
        PlannedNode to = existing(c.toNode(), c);
        OutputPin output = from.output(c.fromPin());
        if (output == null) {
            throw configuration("Unknown output pin '" + c.fromNode() + "." + c.fromPin() + "' (kind " + from.kind()
                    + " has outputs " + from.outputs().stream().map(OutputPin::name).toList() + ")");
        }
        InputPin input = to.input(c.toPin());
        if (input == null) {
            throw configuration("Unknown input pin '" + c.toNode() + "." + c.toPin() + "' (kind " + to.kind()
                    + " has inputs " + to.inputs().stream().map(InputPin::name).toList() + ")");
        }
        if (find(c) != null) throw configuration("Connection " + c + " already exists");
        for (Connection other : connections) {
            if (other.toNode().equals(c.toNode()) && other.toPin().equals(c.toPin()) && input.cardinality().equals(Cardinality.ONE)) {
                throw configuration("Input pin '" + c.toNode() + "." + c.toPin()
                        + "' (cardinality: One) already has a connection (" + other + ")");
            }
        }
        checkType(c, output, input);
        List<String> cycle = cycleThrough(c);
        if (cycle != null) {
            throw configuration("Connection " + c + " would create a cycle: " + String.join(" -> ", cycle));
        }
        connections.add(c);
    }

    /** Checks and drops a connection; returns the stored one (with its mode). */
    Connection disconnect(Connection c) throws PipelineException {
        Connection existing = find(c);
        if (existing == null) throw configuration("Connection " + c + " not found in the session");
        connections.remove(existing);
        return existing;
    }

    /** The stored connection between the same pins (any mode), or {@code null}. */
    Connection find(Connection c) {
        for (Connection other : connections) {
            if (other.fromNode().equals(c.fromNode()) && other.fromPin().equals(c.fromPin())
                    && other.toNode().equals(c.toNode()) && other.toPin().equals(c.toPin())) {
                return other;
            }
        }
        return null;
    }

    /** How many connections feed {@code node.pin}. */
    int incoming(String node, String pin) {
        int count = 0;
        for (Connection c : connections) {
            if (c.toNode().equals(node) && c.toPin().equals(pin)) count++;
        }
        return count;
    }

    /** How many connections feed {@code node}, on all its inputs. */
    int incoming(String node) {
        int count = 0;
        for (Connection c : connections) {
            if (c.toNode().equals(node)) count++;
        }
        return count;
    }

    /** Whether some connection leaves {@code node}. */
    boolean hasOutgoing(String node) {
        for (Connection c : connections) {
            if (c.fromNode().equals(node)) return true;
        }
        return false;
    }

    private PlannedNode existing(String id, Connection c) throws PipelineException {
        PlannedNode node = nodes.get(id);
        if (node == null) throw configuration("Node '" + id + "' not found in the session (connection " + c + ")");
        return node;
    }

    private void checkType(Connection c, OutputPin output, InputPin input) throws PipelineException {
        PacketType produced = resolve(c.fromNode(), output.producesType(), 0);
        if (produced == null || produced.kind() == PacketType.Kind.PASSTHROUGH) return; // unknown yet: accepted
        boolean compatible = input.acceptsTypes().stream().anyMatch(accepted -> accepted.kind() == PacketType.Kind.PASSTHROUGH
                || PacketType.canConnect(produced, accepted));
        if (!compatible) {
            throw configuration("Type mismatch for connection " + c + ": source produces " + produced
                    + ", but destination accepts " + input.acceptsTypes());
        }
    }

    /** A Passthrough output takes the type flowing into its node (first resolvable upstream), if any. */
    private PacketType resolve(String nodeId, PacketType type, int depth) {
        if (type.kind() != PacketType.Kind.PASSTHROUGH) return type;
        if (depth >= PASSTHROUGH_DEPTH) return null;
        for (Connection upstream : connections) {
            if (!upstream.toNode().equals(nodeId)) continue;
            OutputPin pin = nodes.get(upstream.fromNode()).output(upstream.fromPin());
            PacketType resolved = pin == null ? null : resolve(upstream.fromNode(), pin.producesType(), depth + 1);
            if (resolved != null && resolved.kind() != PacketType.Kind.PASSTHROUGH) return resolved;
        }
        return null;
    }

    /**
     * The cycle {@code c} would close ({@code from -> to -> ... -> from}) through nodes that are not
     * bidirectional, or {@code null}. Breadth-first over existing connections, bounded by the node count.
     */
    private List<String> cycleThrough(Connection c) {
        if (bidirectional(c.fromNode()) || bidirectional(c.toNode())) return null;
        Map<String, String> parent = new LinkedHashMap<>();
        List<String> frontier = new ArrayList<>(List.of(c.toNode()));
        parent.put(c.toNode(), null);
        while (!frontier.isEmpty() && parent.size() <= nodes.size()) {
            List<String> next = new ArrayList<>();
            for (String node : frontier) {
                if (node.equals(c.fromNode())) return path(parent, node, c.fromNode());
                for (Connection edge : connections) {
                    if (!edge.fromNode().equals(node) || parent.containsKey(edge.toNode()) || bidirectional(edge.toNode())) continue;
                    parent.put(edge.toNode(), node);
                    next.add(edge.toNode());
                }
            }
            frontier = next;
        }
        return null;
    }

    private static List<String> path(Map<String, String> parent, String end, String start) {
        List<String> reversed = new ArrayList<>();
        for (String at = end; at != null; at = parent.get(at)) reversed.add(0, at);
        List<String> cycle = new ArrayList<>();
        cycle.add(start);
        cycle.addAll(reversed);
        return cycle;
    }

    private boolean bidirectional(String id) {
        PlannedNode node = nodes.get(id);
        return node != null && node.factory().definition().bidirectional();
    }

    private static PipelineException configuration(String message) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, message);
    }

    @Override
    public String toString() {
        return Objects.toString(nodes.keySet()) + " " + connections;
    }
}
