package dev.streamkit.engine.internal;

/**
 * The node on whose behalf the current thread runs: the slot whose mailbox it drains, whose timer it
 * fires, or the source whose {@code onStart} it runs. Whatever runs inline after that call (a chain of
 * non-blocking nodes) runs for the same driver. When a send meets a full mailbox, the driver decides what
 * happens: a source's own thread may wait (it holds no one else's work), any other driver must not, so its
 * packet is queued and the driver's input pauses until that mailbox drains ({@link MailboxInbox}).
 */
final class DrivingSlot {

    private static final ThreadLocal<NodeSlot> CURRENT = new ThreadLocal<>();

    private DrivingSlot() {
    }

    /** The driver of the current thread, or {@code null} outside a node call (an API thread). */
    static NodeSlot current() {
        return CURRENT.get();
    }

    /** Makes {@code slot} the driver; returns the previous one for {@link #restore}. */
    static NodeSlot enter(NodeSlot slot) {
        NodeSlot previous = CURRENT.get();
        CURRENT.set(slot);
        return previous;
    }

    /** Restores the driver returned by {@link #enter} (removing the thread-local when there was none). */
    static void restore(NodeSlot previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
