package dev.streamkit.engine.internal;

import dev.streamkit.api.packet.Packet;

/** Calls the node directly on the sender's thread: a hop costs a method call, backpressure is the stack. */
final class InlineInbox implements Inbox {

    private final NodeSlot slot;

    InlineInbox(NodeSlot slot) {
        this.slot = slot;
    }

    @Override
    public void deliver(String pin, Packet packet) {
        slot.receive(pin, packet);
    }

    @Override
    public void deliverEnd(String pin) {
        slot.receiveEnd(pin);
    }
}
