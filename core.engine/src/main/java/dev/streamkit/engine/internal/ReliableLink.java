package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;

/** A reliable connection: straight into the target's inbox, so a slow consumer backpressures the sender. */
record ReliableLink(NodeSlot target, String pin) implements Link {

    @Override
    public void deliver(Packet packet) {
        target.inbox().deliver(pin, packet);
    }

    @Override
    public void deliverEnd(NodeException failure) {
        target.inbox().deliverEnd(pin, failure);
    }
}
