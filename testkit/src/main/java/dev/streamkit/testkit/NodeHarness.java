package dev.streamkit.testkit;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.Packet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays the engine's part for one node in a unit test, on the test's thread:
 * <ul>
 *   <li>{@link #feed}, {@link #endInput} and {@link #failInput} go through a mailbox: they reach the node in
 *       order, and wait there while the node has paused its input ({@code Outputs.pauseInput}) until a
 *       timer tick or control message resumes it;</li>
 *   <li>{@link #control} and {@link #tune} overtake the mailbox; {@link #shutdown} finishes the node after
 *       its {@code Shutdown} call if it did not end by itself, as the engine does;</li>
 *   <li>{@link #fireTimer} delivers the pending timer tick at once (the test decides when time passes);
 *       {@link #fireTimerWhenDue} first waits for its deadline, for tests that measure real time;</li>
 *   <li>an exception thrown by the node fails it with the exception's message, as the engine reports it
 *       ({@link RecordingOutputs#ending()}); nothing more reaches a node that finished or failed.</li>
 * </ul>
 * Everything the node does is recorded by {@link #outputs()}. Not thread-safe: one test thread drives it.
 */
public final class NodeHarness implements AutoCloseable {

    /** The longest {@link #fireTimerWhenDue} waits for a deadline before it refuses. */
    public static final Duration MAX_TIMER_WAIT = Duration.ofSeconds(10);

    /** Something that waits in the node's mailbox. */
    private interface Delivery {
        void deliver(Node node, RecordingOutputs out) throws Exception;
    }

    /** One call into the node. */
    private interface NodeCall {
        void run(Node node) throws Exception;
    }

    private final Node node;
    private final RecordingOutputs out;
    private final Queue<Delivery> mailbox = new ArrayDeque<>();
    private boolean closed;

    /** Drives {@code node}, recording into new {@link RecordingOutputs} (with timers). */
    public NodeHarness(Node node) {
        this(node, new RecordingOutputs());
    }

    /** Drives {@code node}, recording into {@code outputs}. */
    public NodeHarness(Node node, RecordingOutputs outputs) {
        this.node = node;
        this.out = outputs;
    }

    /** Creates a node of {@code factory} with {@code params} and no file access, and drives it. */
    public static NodeHarness create(NodeFactory factory, Map<String, ?> params) throws NodeException {
        return create(factory, params, TestNodeContext.noFiles());
    }

    /**
     * Creates a node of {@code factory} with {@code params} in {@code context}, and drives it. Like the
     * engine, the factory's {@link NodeException} (a param it refuses) goes to the caller.
     */
    public static NodeHarness create(NodeFactory factory, Map<String, ?> params, NodeContext context) throws NodeException {
        return new NodeHarness(factory.create(Params.of(params), context));
    }

    /** The node driven. */
    public Node node() {
        return node;
    }

    /** What the node did. */
    public RecordingOutputs outputs() {
        return out;
    }

    /** Runs a source's {@code onStart}, which returns when the source is done. */
    public NodeHarness start() {
        call(n -> n.onStart(out));
        return this;
    }

    /** Puts {@code packets} in the mailbox of input {@code pin}; they reach the node unless its input is paused. */
    public NodeHarness feed(String pin, Packet... packets) {
        for (Packet packet : packets) mailbox.add((n, o) -> n.onPacket(pin, packet, o));
        drain();
        return this;
    }

    /** Ends the stream of input {@code pin}, after the packets already in the mailbox. */
    public NodeHarness endInput(String pin) {
        mailbox.add((n, o) -> n.onInputEnd(pin, o));
        drain();
        return this;
    }

    /** Ends the stream of input {@code pin} with its upstream's failure, after the packets already in the mailbox. */
    public NodeHarness failInput(String pin, NodeException cause) {
        mailbox.add((n, o) -> n.onInputFailed(pin, cause, o));
        drain();
        return this;
    }

    /** Delivers a control message ahead of the mailbox. */
    public NodeHarness control(ControlMessage message) {
        call(n -> n.onControl(message, out));
        drain();
        return this;
    }

    /** Tunes the node: {@code UpdateParams} with {@code values}, ahead of the mailbox. */
    public NodeHarness tune(Map<String, ?> values) {
        return control(ControlMessage.updateParams(values));
    }

    /** Sends {@code Shutdown}; a node still running after it is finished, as the engine does. */
    public NodeHarness shutdown() {
        control(new ControlMessage.Shutdown());
        out.finish();
        return this;
    }

    /** Delivers the pending timer tick now, whatever its deadline; false when no timer is pending. */
    public boolean fireTimer() {
        OptionalLong deadline = out.takeTimer();
        if (deadline.isEmpty()) return false;
        tick();
        return true;
    }

    /**
     * Waits until the pending timer is due, then delivers it; false when no timer is pending.
     *
     * @throws IllegalStateException when the deadline is more than {@link #MAX_TIMER_WAIT} away
     */
    public boolean fireTimerWhenDue() {
        OptionalLong deadline = out.takeTimer();
        if (deadline.isEmpty()) return false;
        long due = deadline.getAsLong();
        if (due - System.nanoTime() > MAX_TIMER_WAIT.toNanos()) {
            throw new IllegalStateException("the node's timer is due in " + (due - System.nanoTime()) / 1_000_000
                    + " ms, beyond the harness's bound of " + MAX_TIMER_WAIT.toMillis() + " ms");
        }
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) LockSupport.parkNanos(left);
        tick();
        return true;
    }

    /** Fires pending timers at once, one after the other, at most {@code maxTicks}; returns how many fired. */
    public int fireTimers(int maxTicks) {
        int fired = 0;
        while (fired < maxTicks && fireTimer()) fired++;
        return fired;
    }

    /** How many packets and input ends wait in the mailbox (while the node's input is paused). */
    public int queued() {
        return mailbox.size();
    }

    /** Closes the node, once. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        node.close();
    }

    private void tick() {
        call(n -> n.onTimer(out));
        drain();
    }

    private void drain() {
        while (!mailbox.isEmpty() && !out.inputPaused() && !ended()) {
            Delivery next = mailbox.remove();
            call(n -> next.deliver(n, out));
        }
    }

    private boolean ended() {
        return out.ending().kind() != Ending.Kind.RUNNING;
    }

    private void call(NodeCall call) {
        if (closed || ended()) return;
        try {
            call.run(node);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (Exception | LinkageError e) {
            out.fail(asNodeException(e));
        }
    }

    private static NodeException asNodeException(Throwable e) {
        if (e instanceof NodeException nodeException) return nodeException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return NodeException.runtime(message, e);
    }
}
