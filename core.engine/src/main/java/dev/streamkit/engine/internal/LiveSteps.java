package dev.streamkit.engine.internal;

import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.GraphOperation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The operations that turn a running graph into the one a validated batch leaves, in an order whose every
 * intermediate graph is a subgraph of the first or of the last (so it breaks no rule on the live slots):
 *
 * <ol>
 *   <li>disconnect the connections that go away between surviving nodes;</li>
 *   <li>disconnect a removed node from each input that the final graph still feeds, so that removing the node
 *       does not end that input's stream (it only ends inputs the final graph leaves unfed);</li>
 *   <li>remove the nodes that go away (or are replaced by a node of the same id);</li>
 *   <li>add the new nodes, unconnected;</li>
 *   <li>connect the new connections, in the final graph's order.</li>
 * </ol>
 */
final class LiveSteps {

    private LiveSteps() {
    }

    static List<GraphOperation> between(GraphModel before, GraphModel after) {
        Set<String> removed = changedNodes(before, after);
        Set<String> added = changedNodes(after, before);
        List<Connection> beforeConnections = before.connections();
        List<Connection> afterConnections = after.connections();
        List<GraphOperation> steps = new ArrayList<>();
        List<Connection> unfedLater = new ArrayList<>();
        for (Connection c : beforeConnections) {
            boolean kept = afterConnections.contains(c) && !touches(c, removed);
            if (kept) continue;
            if (!touches(c, removed)) {
                steps.add(disconnect(c));
            } else if (removed.contains(c.fromNode()) && !removed.contains(c.toNode()) && feeds(after, c)) {
                unfedLater.add(c);
            }
        }
        unfedLater.forEach(c -> steps.add(disconnect(c)));
        removed.forEach(id -> steps.add(new GraphOperation.RemoveNode(id)));
        for (String id : added) {
            PipelineNode spec = after.spec(id);
            steps.add(new GraphOperation.AddNode(id, spec.kind(), spec.params()));
        }
        for (Connection c : afterConnections) {
            if (!beforeConnections.contains(c) || touches(c, added)) {
                steps.add(new GraphOperation.Connect(c.fromNode(), c.fromPin(), c.toNode(), c.toPin(), c.mode()));
            }
        }
        return steps;
    }

    /** Ids of {@code graph} whose node is not the same planned node in {@code other} (gone or replaced). */
    private static Set<String> changedNodes(GraphModel graph, GraphModel other) {
        Set<String> changed = new LinkedHashSet<>();
        for (String id : graph.nodes().keySet()) {
            if (graph.node(id) != other.node(id)) changed.add(id);
        }
        return changed;
    }

    private static boolean touches(Connection c, Set<String> nodes) {
        return nodes.contains(c.fromNode()) || nodes.contains(c.toNode());
    }

    /** Whether {@code graph} has a connection into the input {@code c} feeds. */
    private static boolean feeds(GraphModel graph, Connection c) {
        return graph.incoming(c.toNode(), c.toPin()) > 0;
    }

    private static GraphOperation disconnect(Connection c) {
        return new GraphOperation.Disconnect(c.fromNode(), c.fromPin(), c.toNode(), c.toPin());
    }
}
