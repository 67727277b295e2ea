package dev.streamkit.engine.internal;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running session's graph: the {@link GraphModel} (what the session is) and the {@link SlotGraph} (the
 * live nodes and links), changed together. Each operation is checked on a copy of the model first, so a
 * refused operation changes nothing; then it is applied live under one lock. Link lists are copy-on-write
 * and calls into a node hold its slot's lock, so rewiring is safe against packets in flight.
 *
 * <p>An operation never waits for the data plane: a removed node is retired (it takes nothing more and
 * is closed when its current call returns) and the ends of the streams it fed are delivered by a pooled
 * task after that; events are queued under the lock and delivered after it ({@link SessionEvents}).
 *
 * <p>Sources created by an operation wait in {@code Ready} until they have a downstream connection, and
 * then start at the end of the operation (or batch) that gave them one: nothing they produce is lost to an
 * unconnected pin.
 */
final class LiveGraph {

    private final String sessionId;
    private final SessionExecution session;
    private final FilePolicy files;
    private final SessionEvents listeners;
    private final NodeStates states;
    private final NodeStatsPublisher stats;
    private final SlotGraph slots;
    /** Guards {@link #model} and every live change: one operation at a time. */
    private final Object lock = new Object();
    private final GraphModel model;
    /** Snapshots of the model, replaced after each change. */
    private volatile Map<String, PlannedNode> plan;
    private volatile Pipeline pipeline;

    LiveGraph(SessionExecution session, GraphModel model, SlotGraph slots, FilePolicy files, SessionEvents listeners,
              NodeStates states, NodeStatsPublisher stats, Pipeline pipeline) {
        this.sessionId = session.info().id();
        this.session = session;
        this.model = model;
        this.slots = slots;
        this.files = files;
        this.listeners = listeners;
        this.states = states;
        this.stats = stats;
        this.plan = model.nodes();
        this.pipeline = pipeline;
    }

    Map<String, PlannedNode> plan() {
        return plan;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    NodeSlot slot(String nodeId) {
        return slots.slots().get(nodeId);
    }

    Iterable<NodeSlot> slots() {
        return slots.slots().values();
    }

    /** Records a tune's params as the node's stored params (StreamKit replaces them). */
    void setParams(String nodeId, Map<String, Object> params) {
        synchronized (lock) {
            model.setParams(nodeId, params);
            pipeline = model.toPipeline(pipeline);
        }
    }

    /** Checks {@code op} against the model, then applies it live and reports it. */
    void apply(GraphOperation op) throws PipelineException {
        synchronized (lock) {
            listeners.deferOnThisThread();
            try {
                applyLocked(op);
            } finally {
                listeners.resume();
            }
        }
    }

    private void applyLocked(GraphOperation op) throws PipelineException {
        {
            session.checkLive();
            GraphEdits.check(model, op); // refuses without touching anything
            NodeSlot created = null;
            if (op instanceof GraphOperation.AddNode add) {
                created = SlotGraph.create(model.copy().addNode(add.nodeId(), add.kind(), add.params()), files, sessionId, session);
            }
            applyLive(op, true, created);
            activateSources();
        }
    }

    /** Every error {@code operations} would meet, judged on a copy of the model ({@link GraphEdits#validate}). */
    List<String> validate(List<GraphOperation> operations) {
        synchronized (lock) {
            return GraphEdits.validate(model.copy(), operations);
        }
    }

    /**
     * Applies all of {@code operations} or, when the batch is refused, none (no per-operation events). The
     * batch is judged by the graph it leaves; the live graph then gets there in {@link LiveSteps}' order, so
     * the slots never hold a graph that breaks a rule.
     */
    void applyBatch(List<GraphOperation> operations) throws PipelineException {
        synchronized (lock) {
            listeners.deferOnThisThread();
            try {
                applyBatchLocked(operations);
            } finally {
                listeners.resume();
            }
        }
    }

    private void applyBatchLocked(List<GraphOperation> operations) throws PipelineException {
        {
            session.checkLive();
            GraphModel target = model.copy();
            List<String> errors = GraphEdits.validate(target, operations);
            if (!errors.isEmpty()) {
                throw new PipelineException(PipelineException.Kind.CONFIGURATION, "Batch refused, nothing applied: "
                        + String.join("; ", errors));
            }
            List<GraphOperation> steps = LiveSteps.between(model, target);
            Map<String, NodeSlot> created = createNodes(target, steps);
            for (GraphOperation step : steps) {
                applyLive(step, false, step instanceof GraphOperation.AddNode add ? created.get(add.nodeId()) : null);
            }
            activateSources();
        }
    }

    /** Creates the batch's new nodes first: one failing to start leaves the session untouched. */
    private Map<String, NodeSlot> createNodes(GraphModel target, List<GraphOperation> steps) throws PipelineException {
        Map<String, NodeSlot> created = new HashMap<>();
        try {
            for (GraphOperation step : steps) {
                if (step instanceof GraphOperation.AddNode add) {
                    created.put(add.nodeId(), SlotGraph.create(target.node(add.nodeId()), files, sessionId, session));
                }
            }
        } catch (PipelineException e) {
            for (NodeSlot slot : created.values()) slot.requestClose();
            throw e;
        }
        return created;
    }

    /** Applies a validated operation to model and live graph; cannot fail. Call under {@link #lock}. */
    private void applyLive(GraphOperation op, boolean notify, NodeSlot created) {
        try {
            if (op instanceof GraphOperation.AddNode add) {
                add(model.addNode(add.nodeId(), add.kind(), add.params()), created, add, notify);
            } else if (op instanceof GraphOperation.RemoveNode remove) {
                remove(remove.nodeId(), notify);
            } else if (op instanceof GraphOperation.Connect c) {
                connect(GraphEdits.connection(c), notify);
            } else if (op instanceof GraphOperation.Disconnect d) {
                disconnect(GraphEdits.connection(d), notify);
            }
        } catch (PipelineException e) {
            throw new IllegalStateException("graph operation refused after validation: " + e.getMessage(), e);
        }
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
    }

    private void add(PlannedNode planned, NodeSlot slot, GraphOperation.AddNode add, boolean notify) {
        states.initializing(planned.id());
        slots.add(slot);
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
        if (notify) {
            Map<String, Object> params = add.params() == null ? Map.of() : add.params();
            listeners.fire(listener -> listener.nodeAdded(sessionId, add.nodeId(), add.kind(), params));
        }
        states.transition(planned.id(), NodeState.INITIALIZING, planned.isSource() ? NodeState.READY : NodeState.RUNNING);
        session.execute(slot::startTransport);
    }

    private void connect(Connection c, boolean notify) throws PipelineException {
        model.connect(c);
        NodeSlot from = slots.slots().get(c.fromNode());
        NodeSlot to = slots.slots().get(c.toNode());
        to.control(new ControlMessage.InputConnected(c.toPin())); // reaches the node before the first packet
        slots.upstreamAdded(to, model.incoming(c.toNode()));
        from.connect(c.fromPin(), SlotGraph.link(c.mode(), to, c.toPin(), session));
        if (notify) listeners.fire(listener -> listener.connectionAdded(sessionId, c));
    }

    private void disconnect(Connection c, boolean notify) throws PipelineException {
        Connection removed = model.disconnect(c);
        NodeSlot to = slots.slots().get(c.toNode());
        slots.slots().get(c.fromNode()).disconnect(c.fromPin(), to, c.toPin());
        if (model.incoming(c.toNode(), c.toPin()) == 0) to.control(new ControlMessage.InputDisconnected(c.toPin()));
        if (notify) listeners.fire(listener -> listener.connectionRemoved(sessionId, removed));
    }

    /**
     * Unlinks the node from its upstreams and retires it (it takes nothing more; closed once its current
     * call returns). Once it is closed, a pooled task publishes its last stats and ends the streams it fed
     * where it was the input's only connection, so its last sends land before those ends. Never waits.
     */
    private void remove(String nodeId, boolean notify) throws PipelineException {
        List<Connection> dropped = model.removeNode(nodeId);
        NodeSlot slot = slots.slots().get(nodeId);
        for (Connection c : dropped) {
            if (c.toNode().equals(nodeId)) {
                NodeSlot upstream = slots.slots().get(c.fromNode());
                if (upstream != null) upstream.disconnect(c.fromPin(), slot, c.toPin());
            }
        }
        List<Link> fed = new java.util.ArrayList<>();
        for (Link link : slot.disconnectAll()) {
            if (model.incoming(link.target().id(), link.pin()) == 0) fed.add(link);
        }
        slots.remove(nodeId);
        plan = model.nodes();
        pipeline = model.toPipeline(pipeline);
        states.set(nodeId, NodeState.stopped("shutdown"));
        states.forget(nodeId);
        stats.last(slot);
        slot.retire().thenRun(() -> session.execute(() -> endRemoved(slot, fed)));
        if (notify) {
            for (Connection c : dropped) listeners.fire(listener -> listener.connectionRemoved(sessionId, c));
            listeners.fire(listener -> listener.nodeRemoved(sessionId, nodeId));
        }
    }

    /**
     * The factory of some nodes is leaving (its bundle is being stopped): gives each of them a mailbox, so
     * that packets wait for its successor, and reports them {@code Recovering}. Returns those slots.
     */
    List<NodeSlot> prepareReplacement(NodeFactory leaving) {
        List<NodeSlot> affected = new java.util.ArrayList<>();
        synchronized (lock) {
            listeners.deferOnThisThread();
            try {
                for (NodeSlot slot : slots.slots().values()) {
                    if (slot.factory() != leaving || slot.isDone()) continue;
                    slots.ensureMailbox(slot);
                    states.set(slot.id(), NodeState.recovering("plugin_upgrade"));
                    affected.add(slot);
                }
            } finally {
                listeners.resume();
            }
        }
        return affected;
    }

    /** Plans {@code nodeId} again with its kind's current factory and params as last tuned; null if removed. */
    PlannedNode replan(String nodeId) throws PipelineException {
        synchronized (lock) {
            if (!slots.slots().containsKey(nodeId)) return null;
            PlannedNode planned = model.replan(nodeId);
            plan = model.nodes();
            return planned;
        }
    }

    /** Starts each waiting ({@code Ready}) source that now has a downstream connection. Call under {@link #lock}. */
    private void activateSources() {
        for (NodeSlot slot : slots.slots().values()) {
            if (slot.isSource() && model.hasOutgoing(slot.id())
                    && states.transition(slot.id(), NodeState.READY, NodeState.RUNNING)) {
                session.execute(slot::start);
            }
        }
    }

    /** A removed node is closed: the end of every stream it alone fed. */
    private void endRemoved(NodeSlot slot, List<Link> fed) {
        NodeSlot previousDriver = DrivingSlot.enter(slot); // a consumer flushing into a full mailbox must not block
        try {
            for (Link link : fed) link.deliverEnd(null);
        } finally {
            DrivingSlot.restore(previousDriver);
        }
    }

}
