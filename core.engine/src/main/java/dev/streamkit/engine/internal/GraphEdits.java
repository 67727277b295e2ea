package dev.streamkit.engine.internal;

import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineException;
import java.util.ArrayList;
import java.util.List;

/** Applies {@link GraphOperation}s to a {@link GraphModel} (validation only: nothing live changes). */
final class GraphEdits {

    private GraphEdits() {
    }

    /** Validates and applies one operation to {@code model}. */
    static void applyToModel(GraphModel model, GraphOperation op) throws PipelineException {
        if (op == null) throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Missing operation");
        if (op instanceof GraphOperation.AddNode add) {
            model.addNode(add.nodeId(), add.kind(), add.params());
        } else if (op instanceof GraphOperation.RemoveNode remove) {
            model.removeNode(remove.nodeId());
        } else if (op instanceof GraphOperation.Connect c) {
            model.connect(connection(c));
        } else if (op instanceof GraphOperation.Disconnect d) {
            model.disconnect(connection(d));
        }
    }

    /** Checks every operation in order on {@code scratch}; a refused one is skipped and reported. */
    static List<String> validate(GraphModel scratch, List<GraphOperation> operations) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            GraphOperation op = operations.get(i);
            try {
                applyToModel(scratch, op);
            } catch (PipelineException | RuntimeException e) {
                errors.add("operation " + i + " (" + (op == null ? "?" : op.action()) + "): " + e.getMessage());
            }
        }
        return errors;
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
