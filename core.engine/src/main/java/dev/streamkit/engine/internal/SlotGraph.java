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
 * by both engines. A non-blocking node fed by at most one connection runs inline (on its upstream's
 * thread), and so does a compute node in a live session; a blocking or bidirectional node, or one with
 * several upstreams, gets a bounded mailbox. In a live session a node that gains a second upstream moves
 * to a mailbox ({@link #upstreamAdded}), never back. Best-effort connections get a {@link BestEffortLink}.
 */
final class SlotGraph {

    /** Replaced, never mutated, once wired: a live session adds and removes slots while others read. */
    private volatile Map<String, NodeSlot> slots = new LinkedHashMap<>();
    private final Map<String, String> upstreamOf = new HashMap<>();
    private final RunContext run;
    private final int mailboxCapacity;
    /** A live session (COMPUTE nodes inline) rather than a oneshot run (COMPUTE nodes behind mailboxes). */
    private final boolean live;

    /** Creates every planned node; on failure closes those created so far and reports the client-facing error. */
    SlotGraph(Collection<PlannedNode> plan, FilePolicy files, String sessionId, RunContext run, int mailboxCapacity,
              boolean live) throws PipelineException {
        this.run = run;
        this.mailboxCapacity = mailboxCapacity;
        this.live = live;
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
            return new NodeSlot(planned, node, run);
        } catch (NodeException e) {
            throw NodeFailures.describe(planned.id(), planned.kind(), e);
        } catch (RuntimeException e) {
            throw new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: cannot create node '"
                    + planned.id() + "' (" + planned.kind() + "): " + e.getMessage(), e);
        }
    }

    /** Adds a created slot with no upstream yet (live sessions; call under the session's graph lock). */
    void add(NodeSlot slot) {
        slot.useInbox(inboxFor(slot, 0));
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

    /** Connects the slots and gives each its inbox. Call once, before anything runs. */
    void wire(List<Connection> connections) {
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : connections) {
            NodeSlot target = slots.get(c.toNode());
            Link link = link(c.mode(), target, c.toPin(), run);
            slots.get(c.fromNode()).connect(c.fromPin(), link);
            incoming.merge(c.toNode(), 1, Integer::sum);
            upstreamOf.put(c.toNode(), c.fromNode());
        }
        for (NodeSlot slot : slots.values()) slot.useInbox(inboxFor(slot, incoming.getOrDefault(slot.id(), 0)));
    }

    /**
     * A live session is about to connect one more upstream to {@code target}, which will then have
     * {@code upstreams} incoming connections: an inline node that would be called from two threads moves
     * to a mailbox first. Call under the session's graph lock.
     */
    void upstreamAdded(NodeSlot target, int upstreams) {
        if (target.inbox() instanceof InlineInbox && upstreams > 1) target.useInbox(new MailboxInbox(target, run, mailboxCapacity));
    }

    private Inbox inboxFor(NodeSlot slot, int upstreams) {
        if (slot.isSource()) return new SourceInbox();
        Node.Invocation invocation = slot.node().invocation();
        boolean cheap = invocation == Node.Invocation.NON_BLOCKING || (live && invocation == Node.Invocation.COMPUTE);
        boolean inline = cheap && upstreams <= 1 && !slot.bidirectional();
        return inline ? new InlineInbox(slot, run) : new MailboxInbox(slot, run, mailboxCapacity);
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

    /** Closes every node, each once no call is inside it (a node's close failure is logged by its slot). */
    void closeNodes() {
        for (NodeSlot slot : slots.values()) slot.requestClose();
    }

    /**
     * Gives {@code slot} a mailbox if it runs inline, so that packets can wait for it (a node being
     * replaced). Call under the session's graph lock.
     */
    void ensureMailbox(NodeSlot slot) {
        if (slot.inbox() instanceof InlineInbox) slot.useInbox(new MailboxInbox(slot, run, mailboxCapacity));
    }
}
