package dev.streamkit.engine;

/**
 * StreamKit's lifecycle control messages for one node of a session ({@code "Start"} and {@code "Shutdown"}
 * in a {@code tunenode} request), sent with {@link Session#control}. {@code UpdateParams} goes through
 * {@link Session#tune} instead. Since 1.5.
 */
public enum NodeCommand {

    /**
     * Starts a source that waits in {@code Ready} (one added to a running session without a downstream
     * connection); a node that is already running is left as it is.
     */
    START,

    /**
     * Ends the node gracefully: it gets {@code ControlMessage.Shutdown} before its next packet, then ends as
     * finished (consumers see end-of-stream) in state {@code Stopped(shutdown)}, whether or not it handles the
     * message itself. A source waiting in {@code Ready} ends without starting.
     */
    SHUTDOWN
}
