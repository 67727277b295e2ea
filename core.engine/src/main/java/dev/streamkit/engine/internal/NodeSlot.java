package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's holder of one node: its inbox, its downstream links per output pin, and its
 * {@link Outputs}. Connections point at slots, not at nodes, so a node is replaced inside its slot
 * ({@link #suspendForReplacement}, {@link #install}) without touching its neighbours.
 *
 * <p>Control messages ({@link #control}) wait in a queue of their own and are handed to the node by
 * whichever thread owns it at that moment, before its next packet, so they overtake queued data and the
 * node is never called concurrently: a mailbox drain handles them first (and is woken for them when
 * idle); an inline node gets them on its next delivery; a source gets them in its next {@code send}.
 *
 * <p>Every call into the node from an inbox, a timer or a control drain holds the slot's lock, so a live
 * session may switch a node from inline delivery to a mailbox while a packet is inside it. A source's
 * {@code onStart} runs outside the lock (it lasts as long as the source produces).
 *
 * <p>Ends: {@link #finish} and {@link #fail} end the node's output on every link; a failure reaches
 * consumers as an end carrying it ({@link Node#onInputFailed}). {@link #retire} (removal, destroy) ends
 * the slot without reporting. Whatever the way, the node is closed exactly once, only after the last
 * call into it returned, on the thread that leaves last.
 */
final class NodeSlot implements Outputs {

    private static final Logger LOG = LoggerFactory.getLogger(NodeSlot.class);

    private final String id;
    private final String kind;
    private final RunContext run;
    private final boolean source;
    private final boolean bidirectional;
    /** The node; replaced by a plugin upgrade, {@code null} while its successor is awaited. */
    private volatile Node node;
    /** A replaced node still inside a call when its successor was asked for: closed when that call returns. */
    private volatile Node outgoing;
    /** Guards {@link #outgoing} hand-offs and {@link #idleSignal}. */
    private final Object idleMonitor = new Object();
    /** Completed when the last call leaves the node (a source's replacement waits on it). */
    private CompletableFuture<Void> idleSignal;
    private volatile NodeFactory factory;
    /** Copy-on-write link lists: a live session rewires them while senders iterate. */
    private final Map<String, List<Link>> downstream = new ConcurrentHashMap<>();
    private final AtomicBoolean done = new AtomicBoolean();
    /** Retired (removed, destroyed) or a source being replaced: sends throw {@link CancellationException}. */
    private volatile boolean sendsCancelled;
    /** Calls into the node in progress: close waits until none is left. */
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closeRequested;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    /** Drops of best-effort links since disconnected: the node's {@code discarded} count never goes back. */
    private final LongAdder droppedByRemovedLinks = new LongAdder();
    /** Serializes calls into the node (see the class comment); reentrant for inline chains. */
    private final ReentrantLock calls = new ReentrantLock();
    private final long createdNanos = System.nanoTime();
    private final ConcurrentLinkedQueue<ControlMessage> controls = new ConcurrentLinkedQueue<>();
    /** The thread running a source's {@code onStart}, which handles the source's control messages. */
    private volatile Thread sourceThread;
    private volatile Inbox inbox;
    private volatile boolean failed;
    /** Why the node stopped when it ended while handling an upstream failure, else {@code null}. */
    private volatile NodeException endedByUpstream;
    /** The upstream failure being handed to the node right now ({@link Node#onInputFailed}). */
    private NodeException handlingUpstreamFailure;
    /** Set when StreamKit's {@code Shutdown} reaches the node: it ends as finished, {@code Stopped(shutdown)}. */
    private volatile boolean shutDown;
    /** Packets wait in the mailbox while true ({@code Outputs.pauseInput}). */
    private volatile boolean inputPaused;
    /** Full downstream mailboxes this node waits for (sends that would have blocked). */
    private final AtomicInteger backpressure = new AtomicInteger();
    /** The node is being replaced: packets wait, nothing calls into the node. */
    private volatile boolean replacing;
    /** True while {@code onTimer} runs: a resume then drains on the timer thread, after the call. */
    private volatile boolean firingTimer;
    /** The pending {@code wakeAt} timer, replaced by the next request. */
    private volatile TimerWheel.Timer timer;

    NodeSlot(PlannedNode planned, Node node, RunContext run) {
        this.id = planned.id();
        this.kind = planned.kind();
        this.source = planned.isSource();
        this.factory = planned.factory();
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

    /** The node, or {@code null} while a replacement is awaited. */
    Node node() {
        return node;
    }

    /** The factory that made the current node. */
    NodeFactory factory() {
        return factory;
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
        List<Link> all = new ArrayList<>();
        for (List<Link> links : downstream.values()) all.addAll(links);
        downstream.clear();
        for (Link link : all) droppedByRemovedLinks.add(link.dropped());
        return all;
    }

    /**
     * Ends the slot without reporting (removal, session destroy): it takes nothing more, its sends throw
     * {@link CancellationException}, a source blocked on a full mailbox is interrupted, and the node is
     * closed as soon as no thread is inside it. Never waits.
     *
     * @return completes once the node is closed
     */
    CompletableFuture<Void> retire() {
        sendsCancelled = true;
        done.set(true);
        cancelTimer();
        closeInbox();
        Thread producer = sourceThread;
        if (producer != null && inside.get() > 0) producer.interrupt();
        requestClose();
        return closedFuture;
    }

    /** Completes once the node is closed. */
    CompletableFuture<Void> closed() {
        return closedFuture;
    }

    /** Closes the node now if no thread is inside it, else when the last one leaves. */
    void requestClose() {
        closeRequested = true;
        if (inside.get() == 0) closeNow();
    }

    private void closeNow() {
        if (inside.get() != 0 || !closed.compareAndSet(false, true)) return;
        Node current = node;
        try {
            if (current != null) current.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("session {}: node '{}' ({}) failed to close: {}", run.label(), id, kind, e.toString());
        } finally {
            closedFuture.complete(null);
        }
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

    /** Why the node stopped: {@code shutdown}, the upstream failure it ended on, or {@code completed}. */
    String stopReason() {
        if (shutDown) return "shutdown";
        NodeException upstream = endedByUpstream;
        return upstream == null ? "completed" : "upstream_failed: " + upstream.getMessage();
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

    /**
     * Hands waiting control messages to the node; only from the thread that currently owns the node. A
     * node that does not end on {@code Shutdown} is finished by the engine (StreamKit's graceful stop).
     */
    void drainControls() {
        if (controls.isEmpty() || replacing) return;
        NodeSlot outerDriver = DrivingSlot.current();
        if (outerDriver == null) DrivingSlot.enter(this); // a control drain on a pooled thread drives this node
        calls.lock();
        try {
            ControlMessage message;
            while (!replacing && (message = controls.poll()) != null) {
                if (done.get()) {
                    controls.clear();
                    return;
                }
                ControlMessage current = message;
                boolean shutdown = current instanceof ControlMessage.Shutdown;
                if (shutdown) shutDown = true; // set first: a node that finishes itself also ends as shut down
                invoke(n -> n.onControl(current, this));
                if (shutdown) finishByShutdown();
            }
        } finally {
            calls.unlock();
            if (outerDriver == null) DrivingSlot.restore(null);
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
        if (done.get()) return;
        sourceThread = Thread.currentThread();
        NodeSlot previousDriver = DrivingSlot.enter(this);
        try {
            invoke(n -> {
                n.onStart(this);
                if (!replacing) finish();
            });
        } catch (CancellationException cancelled) {
            // The run is ending, the node was removed or is being replaced; nothing to report.
        } finally {
            DrivingSlot.restore(previousDriver);
            Thread.interrupted(); // an interrupt meant for this source must not leak into the pool
        }
    }

    /**
     * Starts a bidirectional node that has inputs (a transport such as {@code transport::moq::peer}): its
     * {@code onStart} runs once, under the slot's lock like any other call, and returns at once; the node
     * keeps the {@link Outputs} to send from threads of its own. Unlike a source's, its return does not end it.
     */
    void startTransport() {
        if (source || !bidirectional || done.get()) return;
        calls.lock();
        try {
            if (done.get() || replacing) return;
            invoke(n -> n.onStart(this));
        } catch (CancellationException ending) {
            // the run is ending or the node was removed: nothing to start
        } finally {
            calls.unlock();
        }
    }

    /** Delivers one packet to the node (called by the inbox, one thread at a time). */
    void receive(String pin, Packet packet) {
        if (done.get()) return;
        calls.lock();
        try {
            if (replacing) {
                inbox.putBack(pin, packet, null);
                return;
            }
            received.increment();
            drainControls();
            if (done.get()) return; // a Shutdown just ended it
            invoke(n -> n.onPacket(pin, packet, this));
        } finally {
            calls.unlock();
        }
        run.slotReceived(this);
    }

    /**
     * Delivers end-of-stream on {@code pin} (called by the inbox, after all earlier packets). An end caused
     * by an upstream failure goes to {@link Node#onInputFailed}; if the node ends during that call, it is
     * reported stopped by that failure and passes it on downstream.
     */
    void receiveEnd(String pin, NodeException failure) {
        if (done.get()) return;
        calls.lock();
        try {
            if (replacing) {
                inbox.putBack(pin, null, failure);
                return;
            }
            drainControls();
            if (done.get()) return;
            if (failure == null) {
                invoke(n -> n.onInputEnd(pin, this));
            } else {
                handlingUpstreamFailure = failure;
                try {
                    invoke(n -> n.onInputFailed(pin, failure, this));
                } finally {
                    handlingUpstreamFailure = null;
                }
            }
        } finally {
            calls.unlock();
        }
    }

    @Override
    public void send(String outputPin, Packet packet) {
        if (run.isCancelled()) throw new CancellationException("pipeline cancelled");
        if (sourceThread == Thread.currentThread() && !controls.isEmpty() && !done.get()) drainControls();
        if (sendsCancelled) throw new CancellationException("node '" + id + "' was removed");
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
        if (replacing || !done.compareAndSet(false, true)) return;
        NodeException upstream = handlingUpstreamFailure;
        endedByUpstream = upstream;
        closeInbox();
        try {
            endLinks(upstream);
        } finally {
            run.slotFinished(this);
            requestClose(); // at once when it ended outside a call, else when the call returns
        }
    }

    @Override
    public void fail(NodeException error) {
        if (!done.compareAndSet(false, true)) return;
        failed = true;
        logFailure(error);
        closeInbox();
        try {
            run.slotFailed(this, error);
            // A cancelled run (a failed oneshot, a destroyed session) has no consumers left to tell.
            if (!run.isCancelled()) endLinks(NodeException.runtime("node '" + id + "' failed: " + error.getMessage(), error));
        } finally {
            requestClose(); // at once when it ended outside a call, else when the call returns
        }
    }

    /** Once per node: a failure the node reported is a line; one it threw unexpectedly also gets its stack. */
    private void logFailure(NodeException error) {
        Throwable origin = error.getCause();
        if (origin instanceof RuntimeException || origin instanceof Error) {
            LOG.warn("session {}: node '{}' ({}) failed: {}", run.label(), id, kind, error.getMessage(), origin);
        } else {
            LOG.info("session {}: node '{}' ({}) failed: {}", run.label(), id, kind, error.getMessage());
        }
    }

    /** Ends every outgoing link, cleanly or with {@code failure}; never blocks. */
    private void endLinks(NodeException failure) {
        for (List<Link> links : downstream.values()) {
            for (Link link : links) {
                try {
                    link.deliverEnd(failure);
                } catch (CancellationException ending) {
                    // the consumer's run is ending; nothing to tell it
                }
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled() || sendsCancelled || (shutDown && done.get());
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
        if (!paused && !firingTimer) resumeIfFree();
    }

    /** Whether packets must wait: paused by the node, by a full downstream mailbox, or by a replacement. */
    boolean isInputPaused() {
        return inputPaused || replacing || backpressure.get() > 0;
    }

    /**
     * A send of this node's call met a full downstream mailbox and was queued beyond its capacity: this
     * node's input pauses until that mailbox drains to half (never a blocked thread).
     */
    void pauseUntilDrained(BoundedQueue<?> fullMailbox) {
        backpressure.incrementAndGet();
        fullMailbox.whenDrained(this::releaseBackpressure);
    }

    private void releaseBackpressure() {
        if (backpressure.decrementAndGet() == 0 && !inputPaused && !firingTimer) resumeIfFree();
    }

    private void resumeIfFree() {
        Inbox current = inbox;
        if (current != null && !isInputPaused()) current.inputResumed();
    }

    /** A timer is due: calls {@code onTimer} under the slot's lock, then lets the inbox deliver on this thread. */
    void fireTimer() {
        if (done.get() || run.isCancelled() || replacing) return;
        NodeSlot previousDriver = DrivingSlot.enter(this);
        calls.lock();
        try {
            if (done.get() || replacing) return;
            firingTimer = true;
            drainControls();
            if (done.get()) return;
            invoke(n -> n.onTimer(this));
        } catch (CancellationException ending) {
            return;
        } finally {
            firingTimer = false;
            calls.unlock();
            DrivingSlot.restore(previousDriver);
        }
        Inbox current = inbox;
        if (current != null) current.afterTimer();
    }

    @Override
    public void telemetry(TelemetryEvent event) {
        if (event != null && !done.get()) run.slotTelemetry(this, event);
    }

    /**
     * Takes the node out of its slot for a successor (plugin upgrade): nothing calls into it any more
     * (packets and control messages wait), its current call is waited for (up to {@code timeoutMillis}),
     * then its state is handed over and it is closed on this thread, while its bundle's classes are still
     * loadable. The caller must have given the slot a mailbox first.
     *
     * @return the node's hand-over state; empty when it was not idle in time (it is then closed when it
     *     leaves, and its successor starts fresh)
     */
    Map<String, Object> suspendForReplacement(long timeoutMillis) {
        replacing = true;
        cancelTimer();
        if (source) {
            sendsCancelled = true;
            Thread producer = sourceThread;
            if (producer != null && inside.get() > 0) producer.interrupt();
        }
        boolean idle = source ? awaitNoCall(timeoutMillis) : tryLock(timeoutMillis);
        if (!idle) {
            LOG.warn("session {}: node '{}' ({}) still busy after {} ms while being replaced; it is closed when its call"
                    + " returns and its successor starts fresh", run.label(), id, kind, timeoutMillis);
            outgoing = node;
            node = null;
            factory = null;
            if (inside.get() == 0) closeOutgoing();
            return Map.of();
        }
        try {
            Map<String, Object> state = handOverQuietly();
            closeForReplacement();
            factory = null; // the leaving revision is not held while a successor is awaited
            return state;
        } finally {
            if (!source) calls.unlock();
        }
    }

    private Map<String, Object> handOverQuietly() {
        Node current = node;
        if (current == null) return Map.of();
        try {
            Map<String, Object> state = current.handOver();
            return state == null ? Map.of() : Map.copyOf(state);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("session {}: node '{}' ({}) failed to hand over its state: {}", run.label(), id, kind, e.toString());
            return Map.of();
        }
    }

    /** Closes the outgoing node (not the slot): a successor will be installed. */
    private void closeForReplacement() {
        outgoing = node;
        node = null;
        closeOutgoing();
    }

    /** Closes the replaced node, once, from whichever thread gets here first with no call inside it. */
    private void closeOutgoing() {
        Node leaving;
        synchronized (idleMonitor) {
            leaving = outgoing;
            outgoing = null;
        }
        if (leaving == null) return;
        try {
            leaving.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("session {}: node '{}' ({}) failed to close: {}", run.label(), id, kind, e.toString());
        }
    }

    /**
     * Installs the successor made by {@code successorFactory} and lets waiting packets and control messages
     * reach it; a source is started again on the pool.
     */
    void install(Node successor, NodeFactory successorFactory) {
        calls.lock();
        try {
            this.node = successor;
            this.factory = successorFactory;
            if (!source) this.sendsCancelled = false;
            this.replacing = false;
        } finally {
            calls.unlock();
        }
        if (done.get()) {
            requestClose();
            return;
        }
        if (source) {
            // A predecessor still producing (it ignored its interrupt) must leave before the successor starts:
            // until then its sends keep failing, so two loops never feed the same links.
            closedOrIdle().thenRun(() -> {
                sendsCancelled = false;
                run.execute(this::start);
            });
        } else {
            Inbox current = inbox;
            startTransport(); // a transport's successor is started like the node it replaces
            if (current != null) {
                current.controlPending();
                if (!isInputPaused()) current.inputResumed();
            }
        }
    }

    /** Whether the slot waits for a successor node. */
    boolean isReplacing() {
        return replacing;
    }

    private boolean tryLock(long timeoutMillis) {
        try {
            return calls.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits (bounded) until no thread is inside the node: used for a source, whose loop runs without the lock. */
    private boolean awaitNoCall(long timeoutMillis) {
        try {
            closedOrIdle().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notInTime) {
            return inside.get() == 0;
        }
    }

    /** Completes when no call is inside the node. */
    private CompletableFuture<Void> closedOrIdle() {
        synchronized (idleMonitor) {
            if (inside.get() == 0) return CompletableFuture.completedFuture(null);
            if (idleSignal == null) idleSignal = new CompletableFuture<>();
            return idleSignal;
        }
    }

    private void cancelTimer() {
        TimerWheel.Timer pending = timer;
        if (pending != null) pending.cancel();
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

    /** One call into the node. */
    @FunctionalInterface
    private interface NodeCall {
        void run(Node node) throws Exception;
    }

    /**
     * Makes one call into the current node, counted so that {@link #requestClose} waits for it: its
     * failure fails the node, while a {@link CancellationException} (the run ends, the node was removed)
     * goes on to the caller. No call starts once a close was requested.
     */
    private void invoke(NodeCall call) {
        inside.incrementAndGet();
        try {
            Node current = node;
            if (closeRequested || current == null) return;
            call.run(current);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (Exception | LinkageError | AssertionError e) {
            // A node interrupted because it was removed or is being replaced has not failed.
            if (sendsCancelled) throw new CancellationException("node '" + id + "' stopped: " + e);
            fail(asNodeException(e));
        } finally {
            leaveCall();
        }
    }

    private void leaveCall() {
        if (inside.decrementAndGet() != 0) return;
        synchronized (idleMonitor) {
            if (idleSignal != null) {
                idleSignal.complete(null);
                idleSignal = null;
            }
        }
        if (outgoing != null) closeOutgoing();
        if (closeRequested) closeNow();
    }

    private static NodeException asNodeException(Throwable e) {
        if (e instanceof NodeException nodeException) return nodeException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return NodeException.runtime(message, e);
    }
}
