package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;

/**
 * How packets reach a node: inline on the sender's thread, or through a bounded mailbox drained by a
 * pooled worker. Either way the node is never called concurrently.
 */
interface Inbox {

    /**
     * Hands a packet to the node. Only a source's own thread may block here (backpressure); any other
     * sender meeting a full mailbox queues the packet and has its driving node paused instead
     * ({@link DrivingSlot}). Throws CancellationException once the run is cancelled.
     */
    void deliver(String pin, Packet packet);

    /**
     * Tells the node that the stream on {@code pin} ended, after every packet delivered before; never
     * blocks. {@code failure} is {@code null} for a clean end, else the upstream failure that ended it.
     */
    void deliverEnd(String pin, NodeException failure);

    /**
     * A control message was queued on the slot. Mailboxes wake their drain to handle it at once; inline
     * inboxes do nothing: the node gets it on its next delivery, from the sender's thread.
     */
    default void controlPending() {
    }

    /**
     * The node's input was resumed ({@code Outputs.pauseInput(false)}, a downstream mailbox drained, a
     * replacement installed) outside a timer call: deliver what waits. After a timer call the slot calls
     * {@link #afterTimer} instead.
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

    /**
     * Puts back, ahead of everything waiting, a packet (or an end, when {@code packet} is null) that
     * reached the slot while its node was being replaced. Only mailboxes hold packets; a slot being
     * replaced always has one.
     */
    default void putBack(String pin, Packet packet, NodeException endFailure) {
        throw new IllegalStateException("only a mailbox can hold packets for a node being replaced");
    }
}
