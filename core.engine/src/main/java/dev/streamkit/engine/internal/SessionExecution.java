package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Pipeline;
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
    private final Pipeline pipeline;
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
                            int mailboxCapacity, Executor pool) throws PipelineException {
        this.info = info;
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
            states.replace(node.id(), NodeState.INITIALIZING, node.isSource() ? NodeState.READY : NodeState.RUNNING);
        }
        for (PlannedNode node : plan.values()) {
            if (!node.isSource()) continue;
            NodeSlot slot = graph.slots().get(node.id());
            states.replace(node.id(), NodeState.READY, NodeState.RUNNING);
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
        if (!cancelled.get()) states.put(slot.id(), NodeState.stopped("completed"));
    }

    @Override
    public void slotFailed(NodeSlot slot, NodeException error) {
        if (cancelled.get()) return; // interrupted by destroy: ends as Stopped(shutdown)
        states.put(slot.id(), NodeState.failed(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    @Override
    public void slotState(NodeSlot slot, NodeState state) {
        if (!slot.isDone() && !cancelled.get()) states.put(slot.id(), state);
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
            states.computeIfPresent(id, (key, state) -> state.kind() == NodeState.Kind.STOPPED
                    || state.kind() == NodeState.Kind.FAILED ? state : NodeState.stopped("shutdown"));
        }
        closeOnce();
    }

    private void onIdle() {
        if (cancelled.get() && tasks.isIdle()) idleAfterCancel.complete(null);
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) graph.closeNodes();
    }
}
