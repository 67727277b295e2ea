package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's holder of one node: its inbox, its downstream targets per output pin, and its
 * {@link Outputs}. Connections point at slots, not at nodes, so a node can later be swapped inside
 * its slot without touching neighbours.
 *
 * <p>Control messages ({@link #control}) wait in a queue of their own and are handed to the node by
 * whichever thread owns it at that moment, before its next packet, so they overtake queued data and the
 * node is never called concurrently: a mailbox drain handles them first (and is woken for them when
 * idle); an inline node gets them on its next delivery; a source gets them in its next {@code send}.
 *
 * <p>Every call into the node from an inbox (packets, end of input, control) holds the slot's lock, so a
 * live session may switch a node from inline delivery to a mailbox (a second upstream was connected)
 * while a packet is inside it: the two paths never overlap. Uncontended, the lock costs nanoseconds.
 */
final class NodeSlot implements Outputs {

    private final String id;
    private final String kind;
    private final Node node;
    private final RunContext run;
    /** Copy-on-write link lists: a live session rewires them while senders iterate. */
    private final Map<String, List<Link>> downstream = new ConcurrentHashMap<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean removed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Calls into the node in progress, so that a removed node is closed only once it is idle. */
    private final AtomicInteger inside = new AtomicInteger();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    /** Drops of best-effort links since disconnected: the node's {@code discarded} count never goes back. */
    private final LongAdder droppedByRemovedLinks = new LongAdder();
    /** Serializes calls into the node from inboxes (see the class comment); reentrant for inline chains. */
    private final ReentrantLock calls = new ReentrantLock();
    private final long createdNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<ControlMessage> controls = new ConcurrentLinkedQueue<>();
    /** The thread running a source's {@code onStart}, which handles the source's control messages. */
    private volatile Thread sourceThread;
    private volatile Inbox inbox;
    private volatile boolean failed;
    /** Set when StreamKit's {@code Shutdown} reaches the node: it ends as finished, {@code Stopped(shutdown)}. */
    private volatile boolean shutDown;
    /** Packets wait in the mailbox while true ({@code Outputs.pauseInput}). */
    private volatile boolean inputPaused;
    /** True while {@code onTimer} runs: a resume then drains on the timer thread, after the call. */
    private volatile boolean firingTimer;
    /** The pending {@code wakeAt} timer, replaced by the next request. */
    private volatile TimerWheel.Timer timer;

    private final boolean source;
    private final boolean bidirectional;

    NodeSlot(PlannedNode planned, Node node, RunContext run) {
        this.id = planned.id();
        this.kind = planned.kind();
        this.source = planned.isSource();
        this.bidirectional = planned.factory().definition().bidirectional();
        this.node = node;
        this.run = run;
    }

    /** Whether the node has no input pins: it produces by itself once started. */
    boolean isSource() {
        return source;
    }

    /** Whether the node's kind may close a cycle (a bidirectional transport). */
    boolean bidirectional() {
        return bidirectional;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    Node node() {
        return node;
    }

    Inbox inbox() {
        return inbox;
    }

    void useInbox(Inbox chosen) {
        this.inbox = chosen;
    }

    /** Adds a reliable connection from {@code outputPin} to {@code inputPin} of {@code target}. */
    void connect(String outputPin, NodeSlot target, String inputPin) {
        connect(outputPin, new ReliableLink(target, inputPin));
    }

    /** Adds a connection from {@code outputPin}; several links on one pin all get every packet (fan-out). */
    void connect(String outputPin, Link link) {
        downstream.computeIfAbsent(outputPin, pin -> new CopyOnWriteArrayList<>()).add(link);
    }

    /** Removes and returns the link from {@code outputPin} to {@code target.pin}, or {@code null}. */
    Link disconnect(String outputPin, NodeSlot target, String pin) {
        List<Link> links = downstream.get(outputPin);
        if (links == null) return null;
        for (Link link : links) {
            if (link.target() == target && link.pin().equals(pin) && links.remove(link)) {
                droppedByRemovedLinks.add(link.dropped());
                return link;
            }
        }
        return null;
    }

    /** Removes and returns every link of this slot (the slot is being removed). */
    List<Link> disconnectAll() {
        List<Link> all = new java.util.ArrayList<>();
        for (List<Link> links : downstream.values()) all.addAll(links);
        downstream.clear();
        for (Link link : all) droppedByRemovedLinks.add(link.dropped());
        return all;
    }

    /**
     * Takes the slot out of a live session: it ends without reporting (no finish, no failure), its sends
     * throw {@link CancellationException} and {@link #isCancelled} turns true, and the node gets
     * {@code Shutdown} if it is handling control messages.
     */
    void markRemoved() {
        removed.set(true);
        done.set(true);
        Inbox current = inbox;
        if (current != null) {
            current.close();
            current.controlPending();
        }
    }

    /** Waits (bounded) until no thread is inside the node; returns whether it became idle. */
    boolean awaitIdle(long timeoutMillis) {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (inside.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return inside.get() == 0;
    }

    /** Closes the node, once: later calls do nothing. */
    void closeOnce() {
        if (closed.compareAndSet(false, true)) node.close();
    }

    boolean isDone() {
        return done.get();
    }

    long receivedCount() {
        return received.sum();
    }

    long sentCount() {
        return sent.sum();
    }

    /** 1 once the node failed, else 0 (StreamKit's {@code errored} counter). */
    long erroredCount() {
        return failed ? 1 : 0;
    }

    /** Seconds since the slot was created. */
    double ageSeconds() {
        return (System.nanoTime() - createdNanos) / 1e9;
    }

    /**
     * Queues a control message for the node (see the class comment for when it is handled).
     *
     * @return false when the node has already ended
     */
    boolean control(ControlMessage message) {
        if (done.get()) return false;
        controls.add(message);
        Inbox current = inbox;
        if (current != null) current.controlPending();
        return true;
    }

    /** Whether control messages are waiting. */
    boolean hasControls() {
        return !controls.isEmpty();
    }

    /** Hands waiting control messages to the node; only from the thread that currently owns the node. */
    void drainControls() {
        if (controls.isEmpty()) return;
        calls.lock();
        try {
            ControlMessage message;
            while ((message = controls.poll()) != null) {
                if (done.get()) {
                    controls.clear();
                    return;
                }
                ControlMessage current = message;
                boolean shutdown = current instanceof ControlMessage.Shutdown;
                if (shutdown) shutDown = true; // set first: a node that finishes itself also ends as shut down
                invoke(() -> node.onControl(current, this));
                if (shutdown) finishByShutdown();
            }
        } finally {
            calls.unlock();
        }
    }

    /**
     * Ends the node after StreamKit's {@code Shutdown}, whether or not it ended itself: consumers get
     * end-of-stream, {@link #isCancelled} turns true and a source's later sends throw
     * {@link CancellationException}, which stops its loop. Called by the thread owning the node after it
     * handled the message, or for a source that never started.
     */
    void finishByShutdown() {
        shutDown = true;
        finish();
    }

    /** Whether the node ended because of {@code Shutdown} ({@link #finishByShutdown}). */
    boolean wasShutDown() {
        return shutDown;
    }

    /** Runs a source's {@code onStart}; returning without an explicit end counts as finishing. */
    void start() {
        sourceThread = Thread.currentThread();
        if (removed.get()) return;
        try {
            invoke(() -> {
                node.onStart(this);
                finish();
            });
        } catch (CancellationException cancelled) {
            // The run is ending, or the node was removed; nothing to report.
        }
    }

    /** Delivers one packet to the node (called by the inbox, one thread at a time). */
    void receive(String pin, Packet packet) {
        if (done.get()) return;
        calls.lock();
        try {
            received.increment();
            drainControls();
            if (done.get()) return; // a Shutdown just ended it
            invoke(() -> node.onPacket(pin, packet, this));
        } finally {
            calls.unlock();
        }
        run.slotReceived(this);
    }

    /** Delivers end-of-stream on {@code pin} (called by the inbox, after all earlier packets). */
    void receiveEnd(String pin) {
        if (done.get()) return;
        calls.lock();
        try {
            drainControls();
            if (done.get()) return;
            invoke(() -> node.onInputEnd(pin, this));
        } finally {
            calls.unlock();
        }
    }

    @Override
    public void send(String outputPin, Packet packet) {
        if (run.isCancelled()) throw new CancellationException("pipeline cancelled");
        if (sourceThread == Thread.currentThread() && !controls.isEmpty() && !done.get()) drainControls();
        if (removed.get()) throw new CancellationException("node '" + id + "' was removed");
        if (done.get()) {
            if (shutDown && sourceThread == Thread.currentThread()) throw new CancellationException("node '" + id + "' was shut down");
            return;
        }
        List<Link> links = downstream.get(outputPin);
        sent.increment();
        if (source) run.slotSent(this);
        if (links == null) return;
        for (int i = 0; i < links.size(); i++) links.get(i).deliver(packet);
    }

    @Override
    public void finish() {
        if (!done.compareAndSet(false, true)) return;
        closeInbox();
        try {
            for (List<Link> links : downstream.values()) {
                for (Link link : links) link.deliverEnd();
            }
        } finally {
            run.slotFinished(this);
        }
    }

    @Override
    public void fail(NodeException error) {
        if (!done.compareAndSet(false, true)) return;
        failed = true;
        closeInbox();
        run.slotFailed(this, error);
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled() || removed.get() || (shutDown && done.get());
    }

    @Override
    public void state(NodeState state) {
        run.slotState(this, state);
    }

    /**
     * Schedules {@link #fireTimer} on the engine's wheel, replacing a pending timer. Sources cannot use
     * timers: their {@code onStart} runs outside the slot's lock, so a timer call could overlap it.
     */
    @Override
    public boolean wakeAt(long deadlineNanos) {
        TimerWheel timers = run.timers();
        if (timers == null || source) return false;
        if (done.get()) return true;
        TimerWheel.Timer previous = timer;
        timer = timers.schedule(this, deadlineNanos, this::fireTimer);
        if (previous != null) previous.cancel();
        return true;
    }

    @Override
    public void pauseInput(boolean paused) {
        if (inputPaused == paused) return;
        inputPaused = paused;
        Inbox current = inbox;
        if (!paused && !firingTimer && current != null) current.inputResumed();
    }

    boolean isInputPaused() {
        return inputPaused;
    }

    /** A timer is due: calls {@code onTimer} under the slot's lock, then lets the inbox deliver on this thread. */
    void fireTimer() {
        if (done.get() || run.isCancelled()) return;
        calls.lock();
        try {
            if (done.get()) return;
            firingTimer = true;
            drainControls();
            if (done.get()) return;
            invoke(() -> node.onTimer(this));
        } catch (CancellationException ending) {
            return;
        } finally {
            firingTimer = false;
            calls.unlock();
        }
        Inbox current = inbox;
        if (current != null) current.afterTimer();
    }

    @Override
    public void telemetry(TelemetryEvent event) {
        if (event != null && !done.get()) run.slotTelemetry(this, event);
    }

    /** The node ended: packets waiting for it are dropped and senders blocked on its mailbox go on. */
    private void closeInbox() {
        Inbox current = inbox;
        if (current != null) current.close();
    }

    /** Packets dropped by this slot's best-effort connections. */
    long droppedCount() {
        long dropped = droppedByRemovedLinks.sum();
        for (List<Link> links : downstream.values()) {
            for (Link link : links) dropped += link.dropped();
        }
        return dropped;
    }

    /** One call into the node, by a caller holding the lock or owning the source thread. */
    @FunctionalInterface
    private interface NodeCall {
        void run() throws Exception;
    }

    /**
     * Makes one call into the node, counted for {@link #awaitIdle}: its failure fails the node, while a
     * {@link CancellationException} (the run ends, the node was removed) goes on to the caller.
     */
    private void invoke(NodeCall call) {
        inside.incrementAndGet();
        try {
            call.run();
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (Exception | LinkageError | AssertionError e) {
            fail(asNodeException(e));
        } finally {
            inside.decrementAndGet();
        }
    }

    private static NodeException asNodeException(Throwable e) {
        if (e instanceof NodeException nodeException) return nodeException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return NodeException.runtime(message, e);
    }
}
