package dev.streamkit.engine;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Pipeline;
import java.util.Map;

/**
 * A live dynamic session: its pipeline's nodes run until the session is destroyed. Thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Session {

    /** Id, name and creation time. */
    SessionInfo info();

    /** The pipeline the session was created from (nodes and connections). */
    Pipeline pipeline();

    /** The current state of every node, by node id in pipeline order. */
    Map<String, NodeState> nodeStates();

    /** Packet counters of every node, by node id; {@code discarded} counts best-effort drops. */
    Map<String, NodeStats> nodeStats();

    /**
     * Live tuning: checks {@code params} against the kind's schema (types, ranges, allowed values), sends
     * {@code ControlMessage.UpdateParams} to the node and replaces the node's stored params with them, as
     * StreamKit does. The message overtakes packets queued for the node (see {@code NodeSlot}); the node
     * is never called concurrently. Returns once the message is queued, not when the node handled it.
     *
     * @throws PipelineException {@code CONFIGURATION} when the node does not exist, has ended, or the
     *                           params do not fit its schema
     */
    void tune(String nodeId, Map<String, Object> params) throws PipelineException;
}
