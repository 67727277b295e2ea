package dev.streamkit.engine.internal;

import dev.streamkit.api.packet.Packet;

/**
 * How packets reach a node: inline on the sender's thread, or through a bounded mailbox drained by a
 * pooled worker. Either way the node is never called concurrently.
 */
interface Inbox {

    /** Hands a packet to the node; may block (backpressure) and throws CancellationException once cancelled. */
    void deliver(String pin, Packet packet);

    /** Tells the node that the stream on {@code pin} ended, after every packet delivered before. */
    void deliverEnd(String pin);

    /**
     * A control message was queued on the slot. Mailboxes wake their drain to handle it at once; inline
     * inboxes do nothing: the node gets it on its next delivery, from the sender's thread.
     */
    default void controlPending() {
    }

    /**
     * The node's input was resumed ({@code Outputs.pauseInput(false)}) outside a timer call: deliver what
     * waits. After a timer call the slot calls {@link #afterTimer} instead.
     */
    default void inputResumed() {
    }

    /**
     * The node ended or was removed: what waits for it is dropped and nothing more is queued, so a sender
     * blocked on a full mailbox goes on instead of waiting forever for a node that will not take it.
     */
    default void close() {
    }

    /** A timer call just ended on the current (timer) thread: deliver what waits, here, if input is not paused. */
    default void afterTimer() {
    }
}
