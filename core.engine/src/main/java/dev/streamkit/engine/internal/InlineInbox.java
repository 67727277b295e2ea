package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;
import java.util.concurrent.CancellationException;

/**
 * Calls the node directly on the sender's thread: a hop costs a method call, backpressure is the stack.
 * A control message normally rides along with the next delivery; one pooled task also hands it over at
 * once, so an idle node (its upstream paused or ended) still gets it promptly. The slot's lock keeps the
 * two from overlapping.
 */
final class InlineInbox implements Inbox {

    private final NodeSlot slot;
    private final RunContext run;

    InlineInbox(NodeSlot slot, RunContext run) {
        this.slot = slot;
        this.run = run;
    }

    @Override
    public void deliver(String pin, Packet packet) {
        slot.receive(pin, packet);
    }

    @Override
    public void deliverEnd(String pin, NodeException failure) {
        slot.receiveEnd(pin, failure);
    }

    @Override
    public void controlPending() {
        run.execute(() -> {
            try {
                slot.drainControls();
            } catch (CancellationException ended) {
                // the run is ending or the node was removed: nothing left to hand over
            }
        });
    }
}
