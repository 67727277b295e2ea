package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.engine.PipelineException;

/** Turns a node's failure into the status and text a client sees, naming the node and its kind. */
final class NodeFailures {

    private NodeFailures() {
    }

    static PipelineException describe(String nodeId, String kind, NodeException error) {
        if (error instanceof FilePathException) {
            return new PipelineException(PipelineException.Kind.CONFIGURATION, error.getMessage(), error);
        }
        String node = "node '" + nodeId + "' (" + kind + ")";
        return switch (error.failureCause()) {
            case INVALID_PARAMS -> new PipelineException(PipelineException.Kind.CONFIGURATION, "Invalid params for " + node
                    + ": " + (error.field() == null ? "" : "field '" + error.field() + "' ") + error.getMessage(), error);
            case INVALID_MEDIA -> new PipelineException(PipelineException.Kind.MEDIA,
                    "Invalid media in " + node + ": " + error.getMessage(), error);
            case RUNTIME -> new PipelineException(PipelineException.Kind.RUNTIME,
                    "Pipeline execution error: " + node + " failed: " + error.getMessage(), error);
        };
    }
}
