package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running dynamic session. Unlike a oneshot run it has no deadline and no single outcome: a node
 * that fails is marked {@code Failed} while the others keep running, and the session lives until
 * {@link #destroy}. Every node is created before any source starts (StreamKit's activation rule).
 */
public final class SessionExecution implements Session, RunContext {

    private final SessionInfo info;
    /** Replaced (never mutated) when a node is tuned. */
    private volatile Pipeline pipeline;
    private final SessionListeners listeners;
    private final SlotGraph graph;
    private final TaskTracker tasks;
    private final Map<String, PlannedNode> plan;
    private final Map<String, NodeState> states = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> idleAfterCancel = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    /** Creates and wires every node (all {@code Initializing}); on failure closes those created so far. */
    public SessionExecution(SessionInfo info, Pipeline pipeline, Map<String, PlannedNode> plan, FilePolicy files,
                            int mailboxCapacity, Executor pool, SessionListeners listeners) throws PipelineException {
        this.info = info;
        this.listeners = listeners;
        this.pipeline = pipeline;
        this.plan = plan;
        this.tasks = new TaskTracker(pool, cancelled::get, this::onIdle);
        for (String id : plan.keySet()) states.put(id, NodeState.INITIALIZING);
        this.graph = new SlotGraph(plan.values(), files, info.id(), this);
        graph.wire(pipeline.connections(), mailboxCapacity, this);
    }

    /** Every node exists: sources become {@code Ready} and get started, the others {@code Running}. Call once. */
    public void start() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("session already started");
        for (PlannedNode node : plan.values()) {
            transition(node.id(), NodeState.INITIALIZING, node.isSource() ? NodeState.READY : NodeState.RUNNING);
        }
        for (PlannedNode node : plan.values()) {
            if (!node.isSource()) continue;
            NodeSlot slot = graph.slots().get(node.id());
            transition(node.id(), NodeState.READY, NodeState.RUNNING);
            execute(slot::start);
        }
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public Map<String, NodeState> nodeStates() {
        Map<String, NodeState> ordered = new LinkedHashMap<>();
        for (String id : plan.keySet()) ordered.put(id, states.get(id));
        return ordered;
    }

    @Override
    public Map<String, NodeStats> nodeStats() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, NodeStats> stats = new LinkedHashMap<>();
        for (NodeSlot slot : graph.slots().values()) {
            stats.put(slot.id(), new NodeStats(slot.receivedCount(), slot.sentCount(), slot.droppedCount(), 0, seconds));
        }
        return stats;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void execute(Runnable task) {
        if (!tasks.execute(task)) cancelled.set(true); // the engine is shutting down
    }

    @Override
    public void slotFinished(NodeSlot slot) {
        if (!cancelled.get()) setState(slot.id(), NodeState.stopped("completed"));
    }

    @Override
    public void slotFailed(NodeSlot slot, NodeException error) {
        if (cancelled.get()) return; // interrupted by destroy: ends as Stopped(shutdown)
        setState(slot.id(), NodeState.failed(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    @Override
    public void slotState(NodeSlot slot, NodeState state) {
        if (!slot.isDone() && !cancelled.get()) setState(slot.id(), state);
    }

    /**
     * Cancels every node, waits up to {@code grace} for the session's tasks to leave, then closes each node
     * once (abandoning a task that ignored cancellation). Nodes still running end {@code Stopped(shutdown)}.
     * Idempotent.
     */
    public void destroy(Duration grace) {
        if (!cancelled.compareAndSet(false, true) && closed.get()) return;
        cancelled.set(true);
        tasks.interruptAll();
        onIdle();
        try {
            idleAfterCancel.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            tasks.interruptAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // never completed exceptionally
        }
        for (String id : plan.keySet()) {
            NodeState state = states.get(id);
            if (state != null && state.kind() != NodeState.Kind.STOPPED && state.kind() != NodeState.Kind.FAILED) {
                setState(id, NodeState.stopped("shutdown"));
            }
        }
        closeOnce();
    }

    @Override
    public void tune(String nodeId, Map<String, Object> params) throws PipelineException {
        PlannedNode planned = plan.get(nodeId);
        NodeSlot slot = graph.slots().get(nodeId);
        if (planned == null || slot == null) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' not found in session '" + info.id() + "'");
        }
        Map<String, Object> values = params == null ? Map.of() : params;
        ParamValidator.validate(nodeId, planned.kind(), values, planned.factory().definition().params());
        if (cancelled.get() || !slot.control(ControlMessage.updateParams(values))) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' has already stopped");
        }
        synchronized (this) {
            Map<String, PipelineNode> nodes = new LinkedHashMap<>(pipeline.nodes());
            nodes.put(nodeId, new PipelineNode(planned.kind(), values));
            pipeline = new Pipeline(pipeline.name(), pipeline.description(), pipeline.mode(), nodes, pipeline.connections());
        }
        listeners.fire(listener -> listener.nodeParamsChanged(info.id(), nodeId, values));
    }

    /** Sets a node's state and reports a change. */
    private void setState(String nodeId, NodeState state) {
        NodeState previous = states.put(nodeId, state);
        if (!state.equals(previous)) listeners.fire(listener -> listener.nodeStateChanged(info.id(), nodeId, state));
    }

    /** Moves a node from {@code expected} to {@code next}, reporting it, when it still is in {@code expected}. */
    private void transition(String nodeId, NodeState expected, NodeState next) {
        if (states.replace(nodeId, expected, next)) listeners.fire(listener -> listener.nodeStateChanged(info.id(), nodeId, next));
    }

    private void onIdle() {
        if (cancelled.get() && tasks.isIdle()) idleAfterCancel.complete(null);
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) graph.closeNodes();
    }
}
