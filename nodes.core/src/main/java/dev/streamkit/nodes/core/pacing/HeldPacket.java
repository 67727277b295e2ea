package dev.streamkit.nodes.core.pacing;

import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;

/**
 * The one packet a pacer holds until it is due, where the engine has timers: the pacer's input is paused
 * meanwhile (upstream backs up in its mailbox) and {@code onTimer} takes the packet back. Not thread-safe:
 * the engine never calls a node concurrently.
 *
 * @param <T> the pacer's packet type
 */
public final class HeldPacket<T extends Packet> {

    private T held;

    /**
     * Holds {@code packet} until {@code dueNanos} when it is not due at {@code nowNanos} and the engine has
     * timers ({@link Outputs#wakeAt}), pausing the input.
     *
     * @return false when the caller must release it itself: it is due, or there are no timers (then wait)
     */
    public boolean hold(T packet, long dueNanos, long nowNanos, Outputs out) {
        if (dueNanos <= nowNanos || !out.wakeAt(dueNanos)) return false;
        held = packet;
        out.pauseInput(true);
        return true;
    }

    /** The held packet, now to be released, with the input resumed; {@code null} when none is held. */
    public T take(Outputs out) {
        T packet = held;
        if (packet == null) return null;
        held = null;
        out.pauseInput(false);
        return packet;
    }
}
