package dev.streamkit.engine.internal;

import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineException;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges {@link GraphOperation}s on a {@link GraphModel} (validation only: nothing live changes). A batch is
 * judged by the graph it leaves, because StreamKit's UI sends its operations grouped by kind (adds, removes,
 * connects, disconnects) whatever the order of the edit: inserting X between A and B connects X to B's
 * {@code One} input before disconnecting A from it.
 *
 * <ul>
 *   <li>each operation must make sense where it stands: the node to add is new, its kind known and its
 *       params valid; the node to remove exists; a connection's nodes exist at that point (the batch's earlier
 *       operations included), its pins exist and its types connect; the connection to disconnect exists, or
 *       an earlier {@code removenode} of the batch already took it (then it counts as done);</li>
 *   <li>the graph left after the last operation must satisfy every {@link GraphRules rule} ({@code One}
 *       inputs, duplicates, cycles, types).</li>
 * </ul>
 */
final class GraphEdits {

    private GraphEdits() {
    }

    /** Checks one operation on a copy of {@code model}, throwing its first error; {@code model} is unchanged. */
    static void check(GraphModel model, GraphOperation op) throws PipelineException {
        GraphModel scratch = model.copy();
        apply(scratch, op, new ArrayList<>());
        scratch.checkRules(model);
    }

    /**
     * Applies {@code operations} in order to {@code scratch}, which ends as the graph the batch leaves; an
     * operation that makes no sense is skipped and reported ({@code operation N (action): reason}), then the
     * final graph's first broken rule ({@code final graph: reason}).
     *
     * @return every error, empty when the batch may be applied
     */
    static List<String> validate(GraphModel scratch, List<GraphOperation> operations) {
        GraphModel before = scratch.copy();
        List<Connection> taken = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            GraphOperation op = operations.get(i);
            try {
                apply(scratch, op, taken);
            } catch (PipelineException | RuntimeException e) {
                errors.add("operation " + i + " (" + (op == null ? "?" : op.action()) + "): " + e.getMessage());
            }
        }
        try {
            scratch.checkRules(before);
        } catch (PipelineException | RuntimeException e) {
            errors.add("final graph: " + e.getMessage());
        }
        return errors;
    }

    /** Checks that {@code op} makes sense on {@code model} and applies it; {@code taken} collects removals' connections. */
    private static void apply(GraphModel model, GraphOperation op, List<Connection> taken) throws PipelineException {
        if (op == null) throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Missing operation");
        if (op instanceof GraphOperation.AddNode add) {
            model.addNode(add.nodeId(), add.kind(), add.params());
        } else if (op instanceof GraphOperation.RemoveNode remove) {
            taken.addAll(model.removeNode(remove.nodeId()));
        } else if (op instanceof GraphOperation.Connect c) {
            Connection connection = connection(c);
            model.checkConnection(connection);
            model.connect(connection);
        } else if (op instanceof GraphOperation.Disconnect d) {
            Connection connection = connection(d);
            boolean takenByRemoval = taken.stream().anyMatch(t -> GraphModel.samePins(t, connection));
            if (model.find(connection) != null || !takenByRemoval) model.disconnect(connection);
        }
    }

    static Connection connection(GraphOperation.Connect c) throws PipelineException {
        return new Connection(required(c.fromNode(), "from_node"), required(c.fromPin(), "from_pin"),
                required(c.toNode(), "to_node"), required(c.toPin(), "to_pin"), c.mode());
    }

    static Connection connection(GraphOperation.Disconnect d) throws PipelineException {
        return new Connection(required(d.fromNode(), "from_node"), required(d.fromPin(), "from_pin"),
                required(d.toNode(), "to_node"), required(d.toPin(), "to_pin"), null);
    }

    private static String required(String value, String field) throws PipelineException {
        if (value == null || value.isEmpty()) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Missing field '" + field + "'");
        }
        return value;
    }
}
