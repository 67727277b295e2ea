package dev.streamkit.engine.internal;

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
 * A session's graph as data (planned nodes, their given params, connections). Adding a node plans it
 * (kind, params, paths); the graph rules ({@link GraphRules}) are applied by {@link GraphEdits} to a
 * {@link #copy} before the live graph records an operation or a batch. Not thread-safe: the session
 * guards it.
 */
final class GraphModel {

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

    /** The node as given (kind and params), or {@code null}. */
    PipelineNode spec(String id) {
        return specs.get(id);
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

    /** Checks and records a new node (id free, kind known and allowed here, params valid); returns its plan. */
    PlannedNode addNode(String id, String kind, Map<String, Object> params) throws PipelineException {
        if (id == null || id.isBlank()) throw configuration("Node id must not be empty");
        if (kind == null || kind.isBlank()) throw configuration("Node '" + id + "' needs a kind");
        if (nodes.containsKey(id)) throw configuration("Node '" + id + "' already exists in the session");
        PipelineNode spec = new PipelineNode(kind, params);
        PlannedNode planned = planner.planNode(id, spec);
        nodes.put(id, planned);
        specs.put(id, spec);
        return planned;
    }

    /** Forgets a node; returns the connections that touched it, now dropped. */
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

    /**
     * Records a connection between existing nodes. The graph rules are not applied here: {@link GraphEdits}
     * checks an operation (or a whole batch) on a copy before the live graph records it.
     */
    void connect(Connection c) throws PipelineException {
        for (String id : List.of(c.fromNode(), c.toNode())) {
            if (!nodes.containsKey(id)) throw configuration("Node '" + id + "' not found (referenced by connection " + c + ")");
        }
        connections.add(c);
    }

    /** Drops a connection; returns the stored one (with its mode). */
    Connection disconnect(Connection c) throws PipelineException {
        Connection existing = find(c);
        if (existing == null) throw configuration("Connection " + c + " not found in the session");
        connections.remove(existing);
        return existing;
    }

    /** The stored connection between the same pins (any mode), or {@code null}. */
    Connection find(Connection c) {
        for (Connection other : connections) {
            if (samePins(other, c)) return other;
        }
        return null;
    }

    /** Whether two connections join the same pins (whatever their modes). */
    static boolean samePins(Connection a, Connection b) {
        return a.fromNode().equals(b.fromNode()) && a.fromPin().equals(b.fromPin())
                && a.toNode().equals(b.toNode()) && a.toPin().equals(b.toPin());
    }

    /** Checks {@code c} on its own against this graph: nodes and pins exist, types connect. */
    void checkConnection(Connection c) throws PipelineException {
        planner.rules().checkConnection(nodes, connections, c);
    }

    /**
     * Checks every graph rule on this graph, which was derived from {@code before} (a graph satisfying them):
     * a cycle is reported as the new connection that closes it.
     */
    void checkRules(GraphModel before) throws PipelineException {
        List<Connection> fresh = new ArrayList<>();
        for (Connection c : connections) {
            boolean replacedEnd = nodes.get(c.fromNode()) != before.nodes.get(c.fromNode())
                    || nodes.get(c.toNode()) != before.nodes.get(c.toNode());
            if (replacedEnd || !before.connections.contains(c)) fresh.add(c);
        }
        planner.rules().checkGraph(nodes, connections, fresh);
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

    private static PipelineException configuration(String message) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, message);
    }

    @Override
    public String toString() {
        return Objects.toString(nodes.keySet()) + " " + connections;
    }
}
