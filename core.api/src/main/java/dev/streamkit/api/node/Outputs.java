package dev.streamkit.api.node;

import dev.streamkit.api.packet.Packet;

/**
 * The engine's side of a node: where it sends packets and reports completion.
 *
 * <p>{@link #send} on a reliable connection to a slow consumer blocks only a source's own thread (in
 * {@link Node#onStart}); from any other call the packet is queued and the engine pauses this node's input
 * until the consumer catches up, so a timer or worker thread shared by many sessions never waits. It throws
 * {@link java.util.concurrent.CancellationException} once the pipeline is cancelled or the node removed,
 * so that loops in sources unwind without extra checks. After {@link #finish()} or {@link #fail} further
 * sends are ignored; a failure reaches consumers as {@link Node#onInputFailed}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Outputs {

    /**
     * Sends a packet on the named output pin to every connected input; on a pin nothing is connected to (such
     * as a member of a pin family, {@link OutputPin#family}, that no connection names) it goes nowhere.
     */
    void send(String outputPin, Packet packet);

    /** Ends this node's output normally: downstream inputs see end-of-stream. Idempotent. */
    void finish();

    /** Ends this node with an error; the engine reports it with the node's id. */
    void fail(NodeException error);

    /** Whether the pipeline was cancelled (client gone, deadline passed, session destroyed). */
    boolean isCancelled();

    /** Reports a state change (e.g. {@link NodeState#degraded(String)}) to observers. */
    default void state(NodeState state) {
    }

    /**
     * Publishes an event on the session's telemetry bus. Never blocks: the engine may drop events when
     * observers lag. Ignored outside dynamic sessions. Rate limiting is the emitting node's job.
     */
    default void telemetry(TelemetryEvent event) {
    }

    /**
     * Asks the engine to call {@link Node#onTimer} once, at or shortly after {@code deadlineNanos}
     * ({@link System#nanoTime()} terms), from one of its timer threads and never concurrently with the
     * node's other calls; a later request replaces an earlier one. Timers replace sleeping: a paced node
     * sleeping on a thread costs a thread switch per packet, a timer costs a share of one wheel tick.
     * {@code onTimer} (and whatever runs inline after it) shares its thread with other sessions' timers, so
     * it must not block or sleep. Since 1.1.
     *
     * @return false when this engine (or test double) has no timers: the node must wait by itself
     */
    default boolean wakeAt(long deadlineNanos) {
        return false;
    }

    /**
     * Stops ({@code true}) or resumes the delivery of packets to this node; control messages still arrive.
     * While paused, packets wait in the node's mailbox and upstream backs up behind it, so a node holding a
     * packet until its timer fires exerts backpressure without blocking a thread. Only mailbox-fed nodes
     * ({@link Node.Invocation#BLOCKING}) can be paused; for others this does nothing. Since 1.1.
     */
    default void pauseInput(boolean paused) {
    }
}
