package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's holder of one node: its inbox, its downstream targets per output pin, and its
 * {@link Outputs}. Connections point at slots, not at nodes, so a node can later be swapped inside
 * its slot without touching neighbours.
 */
final class NodeSlot implements Outputs {

    /** A downstream input: the slot and the pin name on it. */
    record Target(NodeSlot slot, String pin) {
    }

    private final String id;
    private final String kind;
    private final Node node;
    private final RunContext run;
    private final Map<String, List<Target>> downstream = new HashMap<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private Inbox inbox;

    NodeSlot(String id, String kind, Node node, RunContext run) {
        this.id = id;
        this.kind = kind;
        this.node = node;
        this.run = run;
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

    void connect(String outputPin, NodeSlot target, String inputPin) {
        downstream.computeIfAbsent(outputPin, pin -> new ArrayList<>()).add(new Target(target, inputPin));
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

    /** Runs a source's {@code onStart}; returning without an explicit end counts as finishing. */
    void start() {
        try {
            node.onStart(this);
            finish();
        } catch (CancellationException cancelled) {
            // The run is ending; nothing to report.
        } catch (Exception | LinkageError | AssertionError e) {
            fail(asNodeException(e));
        }
    }

    /** Delivers one packet to the node (called by the inbox, one thread at a time). */
    void receive(String pin, Packet packet) {
        if (done.get()) return;
        received.increment();
        try {
            node.onPacket(pin, packet, this);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (Exception | LinkageError | AssertionError e) {
            fail(asNodeException(e));
        }
    }

    /** Delivers end-of-stream on {@code pin} (called by the inbox, after all earlier packets). */
    void receiveEnd(String pin) {
        if (done.get()) return;
        try {
            node.onInputEnd(pin, this);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (Exception | LinkageError | AssertionError e) {
            fail(asNodeException(e));
        }
    }

    @Override
    public void send(String outputPin, Packet packet) {
        if (run.isCancelled()) throw new CancellationException("pipeline cancelled");
        if (done.get()) return;
        List<Target> targets = downstream.get(outputPin);
        sent.increment();
        if (targets == null) return;
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            target.slot().inbox.deliver(target.pin(), packet);
        }
    }

    @Override
    public void finish() {
        if (!done.compareAndSet(false, true)) return;
        try {
            for (List<Target> targets : downstream.values()) {
                for (Target target : targets) target.slot().inbox.deliverEnd(target.pin());
            }
        } finally {
            run.slotFinished(this);
        }
    }

    @Override
    public void fail(NodeException error) {
        if (!done.compareAndSet(false, true)) return;
        run.slotFailed(this, error);
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }

    private static NodeException asNodeException(Throwable e) {
        if (e instanceof NodeException nodeException) return nodeException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return NodeException.runtime(message, e);
    }
}
