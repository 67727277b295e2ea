package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.NodeCommand;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running dynamic session. Unlike a oneshot run it has no deadline and no single outcome: a node
 * that fails is marked {@code Failed} while the others keep running, and the session lives until
 * {@link #destroy}. Every node is created before any source starts (StreamKit's activation rule).
 *
 * <p>Nodes run as in a oneshot run (inline chains, mailboxes for blocking nodes and fan-in); graph
 * operations go through the {@link LiveGraph}. States, stats ({@code nodestatsupdated} every 2 s, every
 * 1 000 packets and at the end) and telemetry are reported to the session's listeners.
 */
public final class SessionExecution implements Session, RunContext {

    private final SessionInfo info;
    private final SessionEvents listeners;
    private final TaskTracker tasks;
    private final TimerWheel wheel;
    private final FilePolicy files;
    private final NodeStates states;
    private final NodeStatsPublisher stats;
    private final LiveGraph graph;
    private final NodeReplacer replacer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Void> allClosed = new CompletableFuture<>();
    private volatile ScheduledFuture<?> statsTicker;

    /** Creates and wires every node (all {@code Initializing}); on failure closes those created so far. */
    public SessionExecution(SessionInfo info, Pipeline pipeline, Map<String, PlannedNode> plan, SessionSettings settings,
                            Executor pool, TimerWheel wheel, SessionListeners listeners, GraphPlanner planner)
            throws PipelineException {
        this.info = info;
        this.wheel = wheel;
        this.files = settings.files();
        this.listeners = new SessionEvents(listeners);
        this.tasks = new TaskTracker(pool, cancelled::get, () -> { });
        this.states = new NodeStates(info.id(), this.listeners);
        this.stats = new NodeStatsPublisher(info.id(), this.listeners);
        for (String id : plan.keySet()) states.initializing(id);
        SlotGraph slots = new SlotGraph(plan.values(), files, info.id(), this, settings.nodeInputCapacity(), true);
        slots.wire(pipeline.connections());
        this.graph = new LiveGraph(this, new GraphModel(planner, plan, pipeline), slots, files, this.listeners, states, stats,
                pipeline);
        this.replacer = new NodeReplacer(this, graph, states, this.listeners, files);
    }

    /**
     * Every node exists: sources become {@code Ready} and get started, the others {@code Running}; stats
     * are published every {@code statsInterval} on {@code timer}. Call once.
     */
    public void start(ScheduledExecutorService timer, Duration statsInterval) {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("session already started");
        Map<String, PlannedNode> plan = graph.plan();
        for (PlannedNode node : plan.values()) {
            states.transition(node.id(), NodeState.INITIALIZING, node.isSource() ? NodeState.READY : NodeState.RUNNING);
        }
        for (NodeSlot slot : graph.slots()) slot.startTransport(); // before any source produces
        for (PlannedNode node : plan.values()) {
            if (node.isSource() && states.transition(node.id(), NodeState.READY, NodeState.RUNNING)) {
                execute(graph.slot(node.id())::start);
            }
        }
        long period = statsInterval.toMillis();
        statsTicker = timer.scheduleAtFixedRate(() -> stats.tick(graph.slots()), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public SessionInfo info() {
        return info;
    }

    @Override
    public Pipeline pipeline() {
        return graph.pipeline();
    }

    @Override
    public Map<String, NodeState> nodeStates() {
        return states.snapshot(graph.plan().keySet());
    }

    @Override
    public Map<String, NodeStats> nodeStats() {
        Map<String, NodeStats> snapshot = new LinkedHashMap<>();
        for (NodeSlot slot : graph.slots()) snapshot.put(slot.id(), NodeStatsPublisher.snapshot(slot));
        return snapshot;
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public String label() {
        return info.id();
    }

    @Override
    public TimerWheel timers() {
        return wheel;
    }

    @Override
    public void execute(Runnable task) {
        if (!tasks.execute(task)) cancelled.set(true); // the engine is shutting down
    }

    @Override
    public void slotFinished(NodeSlot slot) {
        if (cancelled.get()) return;
        stats.last(slot);
        states.set(slot.id(), NodeState.stopped(slot.stopReason()));
    }

    @Override
    public void slotFailed(NodeSlot slot, NodeException error) {
        if (cancelled.get()) return; // interrupted by destroy: ends as Stopped(shutdown)
        stats.last(slot);
        states.set(slot.id(), NodeState.failed(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    @Override
    public void slotState(NodeSlot slot, NodeState state) {
        if (!slot.isDone() && !cancelled.get()) states.set(slot.id(), state);
    }

    @Override
    public void slotTelemetry(NodeSlot slot, TelemetryEvent event) {
        if (!cancelled.get()) listeners.fire(listener -> listener.nodeTelemetry(info.id(), slot.id(), event));
    }

    @Override
    public void slotReceived(NodeSlot slot) {
        stats.received(slot);
    }

    @Override
    public void slotSent(NodeSlot slot) {
        stats.sent(slot);
    }

    /**
     * Cancels every node and returns without waiting for the data plane: nodes still running end
     * {@code Stopped(shutdown)}, threads inside a node are interrupted, and each node is closed once its
     * current call returned ({@link #closed()} completes then). Idempotent.
     */
    public void destroy() {
        if (!cancelled.compareAndSet(false, true)) return;
        ScheduledFuture<?> ticker = statsTicker;
        if (ticker != null) ticker.cancel(false);
        for (NodeSlot slot : graph.slots()) {
            if (states.ended(slot.id())) continue;
            stats.last(slot);
            states.set(slot.id(), NodeState.stopped("shutdown"));
        }
        for (NodeSlot slot : graph.slots()) slot.retire();
        tasks.interruptAll();
        nodesClosed().whenComplete((done, error) -> allClosed.complete(null));
    }

    /** Completes once every node now in the session is closed (each closes when it ended and left its last call). */
    private CompletableFuture<Void> nodesClosed() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (NodeSlot slot : graph.slots()) closing.add(slot.closed());
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    /** Completes once every node of a destroyed session is closed. */
    public CompletableFuture<Void> closed() {
        return allClosed;
    }

    /** A factory that made some of this session's nodes is leaving: see {@link NodeReplacer}. */
    public void factoryLeaving(RegisteredKind leaving, Duration grace, ScheduledExecutorService timer) {
        if (!cancelled.get()) replacer.factoryLeaving(leaving, grace, timer);
    }

    /** A factory registered: nodes waiting for a successor of its kind move to it. */
    public void factoryArrived(RegisteredKind arrived) {
        if (!cancelled.get()) replacer.factoryArrived(arrived);
    }

    @Override
    public void tune(String nodeId, Map<String, Object> params) throws PipelineException {
        PlannedNode planned = graph.plan().get(nodeId);
        NodeSlot slot = graph.slot(nodeId);
        if (planned == null || slot == null) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' not found in session '" + info.id() + "'");
        }
        Map<String, Object> values = params == null ? Map.of() : params;
        ParamValidator.validate(nodeId, planned.kind(), values, planned.factory().definition().params());
        PathParams.check(files, nodeId, planned.factory().definition(), values);
        if (cancelled.get() || !slot.control(ControlMessage.updateParams(values))) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' has already stopped");
        }
        graph.setParams(nodeId, values);
        listeners.fire(listener -> listener.nodeParamsChanged(info.id(), nodeId, values));
    }

    /**
     * {@code Start} claims a {@code Ready} source as the graph's activation does ({@link LiveGraph}); a node
     * already running is left alone. {@code Shutdown} ends a {@code Ready} source without starting it, and
     * otherwise rides the control queue to the node, whose slot then finishes it.
     */
    @Override
    public void control(String nodeId, NodeCommand command) throws PipelineException {
        NodeSlot slot = graph.slot(nodeId);
        if (slot == null) throw nodeNotFound(nodeId);
        if (cancelled.get() || states.ended(nodeId)) throw nodeStopped(nodeId);
        if (command == NodeCommand.START) {
            if (slot.isSource() && states.transition(nodeId, NodeState.READY, NodeState.RUNNING)) execute(slot::start);
        } else if (slot.isSource() && states.transition(nodeId, NodeState.READY, NodeState.stopped("shutdown"))) {
            slot.finishByShutdown(); // never started, so no thread owns it
        } else if (!slot.control(new ControlMessage.Shutdown())) {
            throw nodeStopped(nodeId);
        }
    }

    private PipelineException nodeNotFound(String nodeId) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' not found in session '" + info.id() + "'");
    }

    private static PipelineException nodeStopped(String nodeId) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, "Node '" + nodeId + "' has already stopped");
    }

    @Override
    public void addNode(String nodeId, String kind, Map<String, Object> params) throws PipelineException {
        graph.apply(new GraphOperation.AddNode(nodeId, kind, params));
    }

    @Override
    public void removeNode(String nodeId) throws PipelineException {
        graph.apply(new GraphOperation.RemoveNode(nodeId));
    }

    @Override
    public void connect(String fromNode, String fromPin, String toNode, String toPin, ConnectionMode mode)
            throws PipelineException {
        graph.apply(new GraphOperation.Connect(fromNode, fromPin, toNode, toPin, mode));
    }

    @Override
    public void disconnect(String fromNode, String fromPin, String toNode, String toPin) throws PipelineException {
        graph.apply(new GraphOperation.Disconnect(fromNode, fromPin, toNode, toPin));
    }

    @Override
    public List<String> validateBatch(List<GraphOperation> operations) {
        return graph.validate(operations);
    }

    @Override
    public void applyBatch(List<GraphOperation> operations) throws PipelineException {
        graph.applyBatch(operations);
    }

    /** Refuses graph operations once the session is being destroyed. */
    void checkLive() throws PipelineException {
        if (cancelled.get()) {
            throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Session '" + info.id() + "' is being destroyed");
        }
    }

    /**
     * First half of a graceful stop (the server is stopping): hands {@code Shutdown} to every source that has
     * not ended. Sources stop producing and finish, so end-of-stream flows downstream behind the data they
     * sent, and every other node ends when its inputs do (pacers play out what they hold, muxers write their
     * last page, file writers close their files). Only sources get it: the engine finishes any node on
     * {@code Shutdown}, which would cut a muxer short. Then {@link #awaitNodesEnded} and {@link #destroy}.
     */
    public void shutDownNodes() {
        if (cancelled.get()) return;
        for (NodeSlot slot : graph.slots()) {
            if (slot.isSource()) slot.control(new ControlMessage.Shutdown());
        }
    }

    /**
     * Waits until every node has ended and left its last call (a node is closed then), at most until
     * {@code deadlineNanos} ({@link System#nanoTime}); returns whether they all did.
     */
    public boolean awaitNodesEnded(long deadlineNanos) {
        try {
            nodesClosed().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
