package dev.streamkit.testkit;

import dev.streamkit.api.node.NodeException;

/**
 * How a node's output ended, as recorded by {@link RecordingOutputs}: not yet, finished (consumers see
 * end-of-stream), or failed with a {@link NodeException}.
 *
 * @param kind    which of the three
 * @param failure the failure when {@code kind} is {@link Kind#FAILED}, else {@code null}
 */
public record Ending(Kind kind, NodeException failure) {

    /** The three ways a node's output can stand. */
    public enum Kind {
        /** Neither {@code finish()} nor {@code fail()} was called. */
        RUNNING,
        /** {@code finish()} was called first. */
        FINISHED,
        /** {@code fail()} was called first. */
        FAILED
    }

    /** The node has not ended. */
    public static final Ending RUNNING = new Ending(Kind.RUNNING, null);
    /** The node finished normally. */
    public static final Ending FINISHED = new Ending(Kind.FINISHED, null);

    /** The node failed with {@code failure}. */
    public static Ending failed(NodeException failure) {
        return new Ending(Kind.FAILED, failure);
    }

    /** Whether the node finished normally. */
    public boolean finished() {
        return kind == Kind.FINISHED;
    }

    /** Whether the node failed. */
    public boolean failed() {
        return kind == Kind.FAILED;
    }

    /** The failure's message (the reason the engine would report), or {@code null} unless failed. */
    public String reason() {
        return failure == null ? null : failure.getMessage();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RUNNING -> "running";
            case FINISHED -> "finished";
            case FAILED -> "failed(" + failure.failureCause() + ": " + failure.getMessage() + ")";
        };
    }
}
