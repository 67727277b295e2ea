package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.engine.PipelineException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of one run (oneshot or session) in their slots, wired by the pipeline's connections: shared
 * by both engines. A non-blocking node fed by one connection runs inline; a blocking node, or one with
 * several upstreams, gets a bounded mailbox. Best-effort connections get a {@link BestEffortLink}.
 */
final class SlotGraph {

    /** Replaced, never mutated, once wired: a live session adds and removes slots while others read. */
    private volatile Map<String, NodeSlot> slots = new LinkedHashMap<>();
    private final Map<String, String> upstreamOf = new HashMap<>();

    /** Creates every planned node; on failure closes those created so far and reports the client-facing error. */
    SlotGraph(Collection<PlannedNode> plan, FilePolicy files, String sessionId, RunContext run) throws PipelineException {
        for (PlannedNode planned : plan) {
            try {
                slots.put(planned.id(), create(planned, files, sessionId, run));
            } catch (PipelineException e) {
                closeNodes();
                throw e;
            }
        }
    }

    /** Creates one node in a new slot (no inbox yet), reporting a failure as the client-facing error. */
    static NodeSlot create(PlannedNode planned, FilePolicy files, String sessionId, RunContext run) throws PipelineException {
        try {
            Node node = planned.factory().create(planned.params(), new EngineNodeContext(planned.id(), sessionId, files));
            return new NodeSlot(planned.id(), planned.kind(), node, run);
        } catch (NodeException e) {
            throw NodeFailures.describe(planned.id(), planned.kind(), e);
        } catch (RuntimeException e) {
            throw new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: cannot create node '"
                    + planned.id() + "' (" + planned.kind() + "): " + e.getMessage(), e);
        }
    }

    /** Adds a created slot (live sessions; call under the session's graph lock). */
    void add(NodeSlot slot) {
        Map<String, NodeSlot> next = new LinkedHashMap<>(slots);
        next.put(slot.id(), slot);
        slots = next;
    }

    /** Forgets a slot (live sessions; call under the session's graph lock). */
    void remove(String id) {
        Map<String, NodeSlot> next = new LinkedHashMap<>(slots);
        next.remove(id);
        slots = next;
    }

    /** A link from a connection's mode into {@code target.pin}. */
    static Link link(ConnectionMode mode, NodeSlot target, String pin, RunContext run) {
        return mode == ConnectionMode.BEST_EFFORT ? new BestEffortLink(target, pin, run) : new ReliableLink(target, pin);
    }

    /**
     * Connects the slots and gives each its inbox. Call once, before anything runs.
     *
     * @param alwaysMailbox give every node a mailbox (live sessions, whose nodes may later get more
     *                      upstreams: an inline node would then be called from two threads)
     */
    void wire(List<Connection> connections, int mailboxCapacity, RunContext run, boolean alwaysMailbox) {
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : connections) {
            NodeSlot target = slots.get(c.toNode());
            Link link = link(c.mode(), target, c.toPin(), run);
            slots.get(c.fromNode()).connect(c.fromPin(), link);
            incoming.merge(c.toNode(), 1, Integer::sum);
            upstreamOf.put(c.toNode(), c.fromNode());
        }
        for (NodeSlot slot : slots.values()) {
            int count = incoming.getOrDefault(slot.id(), 0);
            boolean needsMailbox = alwaysMailbox || slot.node().invocation() == Node.Invocation.BLOCKING || count > 1;
            slot.useInbox(needsMailbox ? new MailboxInbox(slot, run, mailboxCapacity) : new InlineInbox(slot));
        }
    }

    /** The slots by node id, in pipeline order. */
    Map<String, NodeSlot> slots() {
        return slots;
    }

    /** The node feeding {@code nodeId} (the last one wired when there are several), or {@code null}. */
    String upstreamOf(String nodeId) {
        return upstreamOf.get(nodeId);
    }

    /** Whether {@code slot} has no upstream: it produces by itself once started. */
    boolean isSource(NodeSlot slot) {
        return !upstreamOf.containsKey(slot.id());
    }

    /** Closes every node, best effort: one node's failure must not keep the others open. */
    void closeNodes() {
        for (NodeSlot slot : slots.values()) {
            try {
                slot.closeOnce();
            } catch (RuntimeException e) {
                // best effort
            }
        }
    }
}
