package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;

/** One connection from an output pin to a downstream input, as seen by the sending slot. */
interface Link {

    /** Hands a packet downstream; reliable links may block, best-effort links never do. */
    void deliver(Packet packet);

    /**
     * The upstream ended: downstream sees end-of-stream after every packet delivered before. Never blocks.
     * {@code failure} is {@code null} for a clean end, else the failure that ended the upstream.
     */
    void deliverEnd(NodeException failure);

    /** The slot this link feeds. */
    NodeSlot target();

    /** The target's input pin. */
    String pin();

    /** Packets this link dropped (best-effort overflow). */
    default long dropped() {
        return 0;
    }
}
