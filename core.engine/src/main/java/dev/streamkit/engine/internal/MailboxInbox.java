package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.Packet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bounded mailbox in front of a blocking node (or one with several upstreams, or one being replaced).
 * One drain task at a time runs on the run's pool and handles everything queued, so a busy node costs one
 * wake-up per batch, not per packet.
 *
 * <p>When it is full, what a sender does depends on the node its thread runs for ({@link DrivingSlot}):
 * a source's own thread waits for room (reliable delivery, and it holds nobody else's work); a mailbox
 * drain or a timer call must not wait (a timer thread serves many sessions), so the packet is queued
 * beyond the capacity and the driving node's input is paused until this mailbox drains to half. A mailbox
 * therefore exceeds its capacity by at most what one call of each of its paused drivers sent. Ends never
 * wait.
 */
final class MailboxInbox implements Inbox {

    /**
     * How long a blocked source waits before re-checking cancellation by itself. Ending a run interrupts
     * its threads, which wakes them at once; this is only the backstop, and long enough that a sender
     * parked behind a real-time consumer does not wake every frame.
     */
    private static final long OFFER_SLICE_MS = 500;

    /** A queued packet, or an end-of-stream marker (with the upstream failure, if any) when {@code packet} is null. */
    private record Envelope(String pin, Packet packet, NodeException failure) {
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
        if (slot.isDone()) return; // it takes nothing more
        Envelope envelope = new Envelope(pin, packet, null);
        NodeSlot driver = DrivingSlot.current();
        if (driver == null || driver.isSource() || driver == slot) {
            offerWaiting(envelope);
        } else if (queue.addBeyondCapacity(envelope)) {
            driver.pauseUntilDrained(queue);
        }
        if (!slot.isInputPaused()) scheduleDrain(); // a paused node is drained when its input resumes
    }

    @Override
    public void deliverEnd(String pin, NodeException failure) {
        if (slot.isDone()) return;
        queue.addBeyondCapacity(new Envelope(pin, null, failure));
        if (!slot.isInputPaused()) scheduleDrain();
    }

    @Override
    public void putBack(String pin, Packet packet, NodeException endFailure) {
        queue.addFirst(new Envelope(pin, packet, endFailure));
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

    private void offerWaiting(Envelope envelope) {
        try {
            while (!queue.offer(envelope, OFFER_SLICE_MS)) {
                if (run.isCancelled()) throw new CancellationException("pipeline cancelled");
                if (slot.isDone()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for node '" + slot.id() + "'");
        }
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            run.execute(this::drain);
        }
    }

    private void drain() {
        NodeSlot previousDriver = DrivingSlot.enter(slot);
        try {
            drainLoop();
        } finally {
            DrivingSlot.restore(previousDriver);
        }
    }

    private void drainLoop() {
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
                        slot.receiveEnd(next.pin(), next.failure());
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
