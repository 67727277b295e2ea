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

    private final Map<String, NodeSlot> slots = new LinkedHashMap<>();
    private final Map<String, String> upstreamOf = new HashMap<>();

    /** Creates every planned node; on failure closes those created so far and reports the client-facing error. */
    SlotGraph(Collection<PlannedNode> plan, FilePolicy files, String sessionId, RunContext run) throws PipelineException {
        for (PlannedNode planned : plan) {
            try {
                Node node = planned.factory().create(planned.params(), new EngineNodeContext(planned.id(), sessionId, files));
                slots.put(planned.id(), new NodeSlot(planned.id(), planned.kind(), node, run));
            } catch (NodeException e) {
                closeNodes();
                throw NodeFailures.describe(planned.id(), planned.kind(), e);
            } catch (RuntimeException e) {
                closeNodes();
                throw new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: cannot create node '"
                        + planned.id() + "' (" + planned.kind() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Connects the slots and gives each its inbox. Call once, before anything runs. */
    void wire(List<Connection> connections, int mailboxCapacity, RunContext run) {
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : connections) {
            NodeSlot target = slots.get(c.toNode());
            Link link = c.mode() == ConnectionMode.BEST_EFFORT ? new BestEffortLink(target, c.toPin(), run)
                    : new ReliableLink(target, c.toPin());
            slots.get(c.fromNode()).connect(c.fromPin(), link);
            incoming.merge(c.toNode(), 1, Integer::sum);
            upstreamOf.put(c.toNode(), c.fromNode());
        }
        for (NodeSlot slot : slots.values()) {
            int count = incoming.getOrDefault(slot.id(), 0);
            boolean needsMailbox = slot.node().invocation() == Node.Invocation.BLOCKING || count > 1;
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
                slot.node().close();
            } catch (RuntimeException e) {
                // best effort
            }
        }
    }
}
