package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeStats;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StreamKit's stats cadence for one session: a node's counters are published as a
 * {@code nodestatsupdated} event at the first packet it handles (received, or sent by a source), then
 * whenever they changed at each periodic {@link #tick} (every 2 s), at every multiple of
 * {@link #PACKET_INTERVAL} packets, and once more when the node ends; never after that.
 */
final class NodeStatsPublisher {

    /** Received packets between two count-driven publications. */
    static final long PACKET_INTERVAL = 1_000;

    private final String sessionId;
    private final SessionEvents listeners;
    /** The counters last published per slot, to skip unchanged ones. */
    private final Map<NodeSlot, NodeStats> published = new ConcurrentHashMap<>();
    /**
     * Slots whose final counters went out: nothing more is published for them. Keyed by slot, not id: a
     * node added again under a removed node's id is a new node. Weak, so removed slots are forgotten.
     */
    private final Set<NodeSlot> ended = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    NodeStatsPublisher(String sessionId, SessionEvents listeners) {
        this.sessionId = sessionId;
        this.listeners = listeners;
    }

    /** The slot's counters now. */
    static NodeStats snapshot(NodeSlot slot) {
        return new NodeStats(slot.receivedCount(), slot.sentCount(), slot.droppedCount(), slot.erroredCount(), slot.ageSeconds());
    }

    /** Called after each packet a slot handed to its node: publishes the first, then each multiple of the interval. */
    void received(NodeSlot slot) {
        if (due(slot.receivedCount())) publish(slot, false);
    }

    /** Called after each packet a source sent: the same cadence, counted on what it sent. */
    void sent(NodeSlot slot) {
        if (due(slot.sentCount())) publish(slot, false);
    }

    private static boolean due(long count) {
        return count == 1 || count % PACKET_INTERVAL == 0;
    }

    /** The periodic pass: publishes every slot whose counters changed since last time. */
    void tick(Iterable<NodeSlot> slots) {
        for (NodeSlot slot : slots) publish(slot, false);
    }

    /** The node ended: publishes its final counters even if unchanged, then forgets it. */
    void last(NodeSlot slot) {
        if (!ended.add(slot)) return;
        publish(slot, true);
        published.remove(slot);
    }

    private void publish(NodeSlot slot, boolean force) {
        if (!force && ended.contains(slot)) return;
        NodeStats now = snapshot(slot);
        boolean empty = now.received() == 0 && now.sent() == 0 && now.discarded() == 0;
        NodeStats before = published.get(slot);
        boolean changed = before == null ? !empty : !sameCounters(before, now);
        if (!changed && !force) return;
        published.put(slot, now);
        listeners.fire(listener -> listener.nodeStatsUpdated(sessionId, slot.id(), now));
    }

    private static boolean sameCounters(NodeStats a, NodeStats b) {
        return a.received() == b.received() && a.sent() == b.sent() && a.discarded() == b.discarded()
                && a.errored() == b.errored();
    }
}
