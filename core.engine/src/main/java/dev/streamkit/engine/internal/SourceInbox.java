package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;

/**
 * The inbox of a node without inputs: nothing is ever delivered to it, and its control messages are
 * handled by its own thread (in its next {@code send}), so a pending control needs no wake-up.
 */
final class SourceInbox implements Inbox {

    @Override
    public void deliver(String pin, Packet packet) {
        throw new IllegalStateException("a source node has no inputs (pin '" + pin + "')");
    }

    @Override
    public void deliverEnd(String pin, NodeException failure) {
        throw new IllegalStateException("a source node has no inputs (pin '" + pin + "')");
    }
}
