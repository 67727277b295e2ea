package dev.streamkit.engine.internal;

import dev.streamkit.api.packet.Packet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded mailbox in front of a blocking node (or one with several upstreams). Senders block while it
 * is full (reliable delivery) and give up when the run is cancelled. One drain task at a time runs on
 * the run's pool and handles everything queued, so a busy node costs one wake-up per batch, not per packet.
 */
final class MailboxInbox implements Inbox {

    /**
     * How long a blocked sender waits before re-checking cancellation by itself. Ending a run interrupts
     * its threads, which wakes them at once; this is only the backstop, and long enough that a sender
     * parked behind a real-time consumer does not wake every frame.
     */
    private static final long OFFER_SLICE_MS = 500;

    /** A queued packet, or an end-of-stream marker when {@code packet} is null. */
    private record Envelope(String pin, Packet packet) {
    }

    private final NodeSlot slot;
    private final RunContext run;
    private final BoundedQueue<Envelope> queue;
    private final AtomicBoolean draining = new AtomicBoolean();

    MailboxInbox(NodeSlot slot, RunContext run, int capacity) {
        this.slot = slot;
        this.run = run;
        this.queue = new BoundedQueue<>(capacity);
    }

    @Override
    public void deliver(String pin, Packet packet) {
        enqueue(new Envelope(pin, packet));
    }

    @Override
    public void deliverEnd(String pin) {
        enqueue(new Envelope(pin, null));
    }

    @Override
    public void controlPending() {
        scheduleDrain();
    }

    @Override
    public void inputResumed() {
        if (!queue.isEmpty()) scheduleDrain();
    }

    /** Drains on the timer thread itself: a paced chain then costs no thread switch per packet. */
    @Override
    public void afterTimer() {
        if (!slot.isInputPaused() && !queue.isEmpty() && draining.compareAndSet(false, true)) drain();
    }

    /** Packets waiting, for stats. */
    int depth() {
        return queue.size();
    }

    @Override
    public void close() {
        queue.clear();
    }

    private void enqueue(Envelope envelope) {
        try {
            if (slot.isDone()) return; // it takes nothing more
            while (!queue.offer(envelope, OFFER_SLICE_MS)) {
                if (run.isCancelled()) throw new CancellationException("pipeline cancelled");
                if (slot.isDone()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for node '" + slot.id() + "'");
        }
        if (!slot.isInputPaused()) scheduleDrain(); // a paused node is drained when its input resumes
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            run.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Envelope next;
            try {
                slot.drainControls(); // control overtakes queued data
            } catch (CancellationException cancelled) {
                queue.clear();
            }
            while (!slot.isInputPaused() && (next = queue.poll()) != null) {
                if (run.isCancelled()) {
                    queue.clear();
                    break;
                }
                try {
                    if (next.packet() == null) {
                        slot.receiveEnd(next.pin());
                    } else {
                        slot.receive(next.pin(), next.packet());
                    }
                } catch (CancellationException cancelled) {
                    queue.clear();
                    break;
                }
            }
            draining.set(false);
            // A sender may have queued after our last poll but before the flag dropped.
            boolean nothingToDeliver = queue.isEmpty() || slot.isInputPaused();
            if ((nothingToDeliver && (!slot.hasControls() || run.isCancelled())) || !draining.compareAndSet(false, true)) return;
        }
    }
}
