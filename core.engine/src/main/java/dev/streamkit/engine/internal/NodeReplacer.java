package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.engine.NodeReplacement;
import dev.streamkit.engine.RegisteredKind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one session's nodes to a new bundle revision when the factory of their kind is replaced (a plugin
 * upgrade through {@code deploy/}, or an uninstall followed by an install).
 *
 * <ol>
 *   <li>{@link #factoryLeaving}, on the thread unregistering the old factory (its bundle is stopping, its
 *       classes still load): each affected node gets a mailbox, reports {@code Recovering(plugin_upgrade)},
 *       finishes the call it is in, hands its state over ({@link Node#handOver()}) and is closed. Packets
 *       arriving meanwhile wait in its mailbox; reliable links lose none.</li>
 *   <li>{@link #factoryArrived}: a factory of the same kind registered; on the pool, each waiting node is
 *       created anew from it with its params as last tuned and the handed-over state, a
 *       {@code nodereplaced} event names both bundle versions, the node reports {@code Running} and gets
 *       what waited. A successor whose creation fails fails the node, naming the bundle.</li>
 *   <li>A node whose successor does not come within the grace period fails, naming the bundle that left;
 *       its consumers end with that failure and the rest of the session runs on.</li>
 * </ol>
 */
final class NodeReplacer {

    private static final Logger LOG = LoggerFactory.getLogger(NodeReplacer.class);

    /** How long the leaving node's current call may take before it is left to close by itself. */
    static final long DRAIN_MILLIS = 2_000;

    /**
     * The bundle a kind's factory left with: names only, never the factory, so that nothing here keeps the
     * old revision's classes alive while its nodes wait (or after they moved on).
     */
    private record Departure(String kind, String bundle, String bundleVersion) {
        static Departure of(RegisteredKind leaving) {
            return new Departure(leaving.kind(), leaving.bundle(), leaving.bundleVersion());
        }
    }

    /** A slot without a node, waiting for a successor of {@code from}. */
    private record Awaiting(NodeSlot slot, Departure from, Map<String, Object> state) {
    }

    private final String sessionId;
    private final SessionExecution session;
    private final LiveGraph graph;
    private final NodeStates states;
    private final SessionEvents events;
    private final FilePolicy files;
    private final Map<String, Awaiting> awaiting = new ConcurrentHashMap<>();

    NodeReplacer(SessionExecution session, LiveGraph graph, NodeStates states, SessionEvents events, FilePolicy files) {
        this.sessionId = session.info().id();
        this.session = session;
        this.graph = graph;
        this.states = states;
        this.events = events;
        this.files = files;
    }

    /**
     * The factory {@code leaving} is being unregistered: suspends and closes every node it made, keeping
     * their state for a successor, and arms the grace timer on {@code timer}. Waits at most
     * {@link #DRAIN_MILLIS} per busy node.
     */
    void factoryLeaving(RegisteredKind leaving, Duration grace, ScheduledExecutorService timer) {
        boolean any = false;
        Departure departure = Departure.of(leaving);
        for (NodeSlot slot : graph.prepareReplacement(leaving.factory())) {
            Map<String, Object> state = slot.suspendForReplacement(DRAIN_MILLIS);
            awaiting.put(slot.id(), new Awaiting(slot, departure, state));
            any = true;
            LOG.info("session {}: node '{}' ({}) waits for a successor of {} {}", sessionId, slot.id(), leaving.kind(),
                    leaving.bundle(), leaving.bundleVersion());
        }
        if (any) timer.schedule(() -> expire(departure, grace), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A factory registered: nodes waiting for its kind move to it (on the session's pool). */
    void factoryArrived(RegisteredKind successor) {
        for (Awaiting waiting : awaiting.values()) {
            if (waiting.from().kind().equals(successor.kind()) && awaiting.remove(waiting.slot().id(), waiting)) {
                session.execute(() -> replace(waiting, successor));
            }
        }
    }

    private void replace(Awaiting waiting, RegisteredKind successor) {
        NodeSlot slot = waiting.slot();
        if (slot.isDone()) return;
        String kind = waiting.from().kind();
        Departure from = waiting.from();
        try {
            PlannedNode planned = graph.replan(slot.id());
            if (planned == null) return; // removed meanwhile
            Node node = planned.factory().create(planned.params(),
                    new EngineNodeContext(slot.id(), sessionId, files, waiting.state()));
            events.fire(listener -> listener.nodeReplaced(sessionId, new NodeReplacement(slot.id(), kind, from.bundle(),
                    from.bundleVersion(), successor.bundle(), successor.bundleVersion())));
            states.set(slot.id(), NodeState.RUNNING);
            slot.install(node, planned.factory());
            LOG.info("session {}: node '{}' ({}) moved from {} {} to {} {}", sessionId, slot.id(), kind, from.bundle(),
                    from.bundleVersion(), successor.bundle(), successor.bundleVersion());
        } catch (Exception | LinkageError e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("session {}: successor of node '{}' ({}) from {} {} failed to start: {}", sessionId, slot.id(), kind,
                    successor.bundle(), successor.bundleVersion(), reason);
            slot.fail(NodeException.runtime("the successor of '" + kind + "' from bundle " + successor.bundle() + " "
                    + successor.bundleVersion() + " failed to start: " + reason, e));
        }
    }

    /** {@code 5} for five seconds, {@code 0.25} for a quarter. */
    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** The grace period for {@code leaving} is over: nodes still waiting for its successor fail. */
    private void expire(Departure leaving, Duration grace) {
        for (Awaiting waiting : awaiting.values()) {
            if (waiting.from() != leaving || !awaiting.remove(waiting.slot().id(), waiting)) continue;
            String reason = "node kind '" + leaving.kind() + "' left with bundle " + leaving.bundle() + " "
                    + leaving.bundleVersion() + " and no successor arrived within " + seconds(grace) + " s";
            LOG.warn("session {}: node '{}': {}", sessionId, waiting.slot().id(), reason);
            waiting.slot().fail(NodeException.runtime(reason, null));
        }
    }
}
