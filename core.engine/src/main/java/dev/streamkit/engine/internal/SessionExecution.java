package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>Graph operations ({@link #addNode}, {@link #connect}, batches...) are serialized by one lock: each is
 * checked on a copy of the {@link GraphModel} first, then applied live. Every session node has a mailbox,
 * so adding an upstream never makes two threads call one node; link lists are copy-on-write, so rewiring
 * is safe against concurrent sends. A node added later that has no inputs starts at once.
 */
public final class SessionExecution implements Session, RunContext {

    private final SessionInfo info;
    /** Replaced (never mutated) when a node is tuned. */
    private volatile Pipeline pipeline;
    private final SessionListeners listeners;
    private final SlotGraph graph;
    private final TaskTracker tasks;
    /** Snapshot of the model's planned nodes, replaced after each graph operation. */
    private volatile Map<String, PlannedNode> plan;
    /** Guards graph operations, tuning's params update and {@link #model}: one change at a time. */
    private final Object graphLock = new Object();
    private final GraphModel model;
    private final FilePolicy files;
    private final int mailboxCapacity;
    private final Map<String, NodeState> states = new ConcurrentHashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> idleAfterCancel = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    /** How long removing a node waits for it to leave its current call before closing it anyway. */
    private static final long REMOVE_GRACE_MS = 2_000;

    /** Creates and wires every node (all {@code Initializing}); on failure closes those created so far. */
    public SessionExecution(SessionInfo info, Pipeline pipeline, Map<String, PlannedNode> plan, FilePolicy files,
                            int mailboxCapacity, Executor pool, SessionListeners listeners, GraphPlanner planner)
            throws PipelineException {
        this.info = info;
        this.files = files;
        this.mailboxCapacity = mailboxCapacity;
        this.model = new GraphModel(planner, plan, pipeline);
        this.listeners = listeners;
        this.pipeline = pipeline;
        this.plan = plan;
        this.tasks = new TaskTracker(pool, cancelled::get, this::onIdle);
        for (String id : plan.keySet()) states.put(id, NodeState.INITIALIZING);
        this.graph = new SlotGraph(plan.values(), files, info.id(), this);
        graph.wire(pipeline.connections(), mailboxCapacity, this, true);
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
        synchronized (graphLock) {
            model.setParams(nodeId, values);
            pipeline = model.toPipeline(pipeline);
        }
        listeners.fire(listener -> listener.nodeParamsChanged(info.id(), nodeId, values));
    }

    @Override
    public void addNode(String nodeId, String kind, Map<String, Object> params) throws PipelineException {
        apply(new GraphOperation.AddNode(nodeId, kind, params), true);
    }

    @Override
    public void removeNode(String nodeId) throws PipelineException {
        apply(new GraphOperation.RemoveNode(nodeId), true);
    }

    @Override
    public void connect(String fromNode, String fromPin, String toNode, String toPin, ConnectionMode mode)
            throws PipelineException {
        apply(new GraphOperation.Connect(fromNode, fromPin, toNode, toPin, mode), true);
    }

    @Override
    public void disconnect(String fromNode, String fromPin, String toNode, String toPin) throws PipelineException {
        apply(new GraphOperation.Disconnect(fromNode, fromPin, toNode, toPin), true);
    }

    @Override
    public List<String> validateBatch(List<GraphOperation> operations) {
        synchronized (graphLock) {
            return GraphEdits.validate(model.copy(), operations);
        }
    }

    @Override
    public void applyBatch(List<GraphOperation> operations) throws PipelineException {
        synchronized (graphLock) {
            checkLive();
            List<String> errors = GraphEdits.validate(model.copy(), operations);
            if (!errors.isEmpty()) {
                throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Batch refused, nothing applied: "
                        + String.join("; ", errors));
            }
            // Create every new node first: a node failing to start leaves the session untouched.
            java.util.ArrayDeque<NodeSlot> created = new java.util.ArrayDeque<>(); // in AddNode order
            GraphModel scratch = model.copy();
            try {
                for (GraphOperation op : operations) {
                    if (op instanceof GraphOperation.AddNode add) {
                        PlannedNode planned = scratch.addNode(add.nodeId(), add.kind(), add.params());
                        created.add(SlotGraph.create(planned, files, info.id(), this));
                    } else {
                        GraphEdits.applyToModel(scratch, op);
                    }
                }
            } catch (PipelineException e) {
                for (NodeSlot slot : created) closeQuietly(slot);
                throw e;
            }
            for (GraphOperation op : operations) {
                applyLive(op, false, op instanceof GraphOperation.AddNode ? created.poll() : null);
            }
        }
    }

    /** Validates {@code op} against the model, then changes the live graph and the model. */
    private void apply(GraphOperation op, boolean notify) throws PipelineException {
        synchronized (graphLock) {
            checkLive();
            GraphEdits.applyToModel(model.copy(), op); // refuses without touching anything
            NodeSlot created = null;
            if (op instanceof GraphOperation.AddNode add) {
                created = SlotGraph.create(model.copy().addNode(add.nodeId(), add.kind(), add.params()), files, info.id(), this);
            }
            applyLive(op, notify, created);
        }
    }

    private void checkLive() throws PipelineException {
        if (cancelled.get()) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Session '" + info.id() + "' is being destroyed");
        }
    }

    /** Applies a validated operation to model and live graph; cannot fail. Call under {@link #graphLock}. */
    private void applyLive(GraphOperation op, boolean notify, NodeSlot created) {
        try {
            if (op instanceof GraphOperation.AddNode add) {
                liveAdd(model.addNode(add.nodeId(), add.kind(), add.params()), created, add, notify);
            } else if (op instanceof GraphOperation.RemoveNode remove) {
                liveRemove(remove.nodeId(), notify);
            } else if (op instanceof GraphOperation.Connect c) {
                liveConnect(GraphEdits.connection(c), notify);
            } else if (op instanceof GraphOperation.Disconnect d) {
                liveDisconnect(GraphEdits.connection(d), notify);
            }
        } catch (PipelineException e) {
            throw new IllegalStateException("graph operation refused after validation: " + e.getMessage(), e);
        }
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
    }

    private void liveAdd(PlannedNode planned, NodeSlot slot, GraphOperation.AddNode add, boolean notify) {
        slot.useInbox(new MailboxInbox(slot, this, mailboxCapacity));
        graph.add(slot);
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
        states.put(planned.id(), NodeState.INITIALIZING);
        if (notify) {
            Map<String, Object> params = add.params() == null ? Map.of() : add.params();
            listeners.fire(listener -> listener.nodeAdded(info.id(), add.nodeId(), add.kind(), params));
        }
        transition(planned.id(), NodeState.INITIALIZING, planned.isSource() ? NodeState.READY : NodeState.RUNNING);
        if (planned.isSource()) {
            transition(planned.id(), NodeState.READY, NodeState.RUNNING);
            execute(slot::start);
        }
    }

    private void liveConnect(Connection c, boolean notify) throws PipelineException {
        model.connect(c);
        NodeSlot from = graph.slots().get(c.fromNode());
        NodeSlot to = graph.slots().get(c.toNode());
        from.connect(c.fromPin(), SlotGraph.link(c.mode(), to, c.toPin(), this));
        if (notify) listeners.fire(listener -> listener.connectionAdded(info.id(), c));
    }

    private void liveDisconnect(Connection c, boolean notify) throws PipelineException {
        Connection removed = model.disconnect(c);
        NodeSlot from = graph.slots().get(c.fromNode());
        from.disconnect(c.fromPin(), graph.slots().get(c.toNode()), c.toPin());
        if (notify) listeners.fire(listener -> listener.connectionRemoved(info.id(), removed));
    }

    /**
     * Unlinks the node from its upstreams, ends the streams it fed where it was the input's only
     * connection, stops it and closes it once (after a bounded wait for it to leave its current call).
     */
    private void liveRemove(String nodeId, boolean notify) throws PipelineException {
        List<Connection> dropped = model.removeNode(nodeId);
        NodeSlot slot = graph.slots().get(nodeId);
        for (Connection c : dropped) {
            if (c.toNode().equals(nodeId)) {
                NodeSlot upstream = graph.slots().get(c.fromNode());
                if (upstream != null) upstream.disconnect(c.fromPin(), slot, c.toPin());
            }
        }
        slot.markRemoved();
        graph.remove(nodeId);
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
        setState(nodeId, NodeState.stopped("shutdown"));
        states.remove(nodeId);
        slot.awaitIdle(REMOVE_GRACE_MS); // its last sends land before the end-of-stream below
        for (Link link : slot.disconnectAll()) {
            if (model.incoming(link.target().id(), link.pin()) == 0) link.deliverEnd();
        }
        closeQuietly(slot);
        if (notify) {
            for (Connection c : dropped) listeners.fire(listener -> listener.connectionRemoved(info.id(), c));
            listeners.fire(listener -> listener.nodeRemoved(info.id(), nodeId));
        }
    }

    private static void closeQuietly(NodeSlot slot) {
        try {
            slot.closeOnce();
        } catch (RuntimeException e) {
            // best effort
        }
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
