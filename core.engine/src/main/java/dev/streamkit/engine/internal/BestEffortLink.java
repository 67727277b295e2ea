package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A best-effort connection (StreamKit's "latest wins"): the sender never blocks. At most one packet
 * waits per connection; a newer packet replaces it and the older one counts as dropped. One pooled
 * forwarder at a time moves the pending packet into the target's inbox (where it may wait, not the sender).
 */
final class BestEffortLink implements Link {

    private final NodeSlot target;
    private final String pin;
    private final RunContext run;
    private final AtomicReference<Packet> pending = new AtomicReference<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Why the upstream ended, when it failed; written before {@link #ended}. */
    private volatile NodeException failure;
    private final AtomicBoolean endDelivered = new AtomicBoolean();
    private final AtomicBoolean forwarding = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();

    BestEffortLink(NodeSlot target, String pin, RunContext run) {
        this.target = target;
        this.pin = pin;
        this.run = run;
    }

    @Override
    public void deliver(Packet packet) {
        if (pending.getAndSet(packet) != null) dropped.increment();
        scheduleForward();
    }

    @Override
    public void deliverEnd(NodeException failure) {
        this.failure = failure;
        ended.set(true);
        scheduleForward();
    }

    @Override
    public NodeSlot target() {
        return target;
    }

    @Override
    public String pin() {
        return pin;
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    private void scheduleForward() {
        if (forwarding.compareAndSet(false, true)) run.execute(this::forward);
    }

    private void forward() {
        while (true) {
            try {
                Packet next;
                while ((next = pending.getAndSet(null)) != null) target.inbox().deliver(pin, next);
                if (ended.get() && pending.get() == null && endDelivered.compareAndSet(false, true)) {
                    target.inbox().deliverEnd(pin, failure);
                }
            } catch (CancellationException cancelled) {
                forwarding.set(false);
                return;
            }
            forwarding.set(false);
            // A packet may have arrived after our last look but before the flag dropped.
            boolean more = pending.get() != null || (ended.get() && !endDelivered.get());
            if (!more || !forwarding.compareAndSet(false, true)) return;
        }
    }
}
