package dev.streamkit.engine;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.Pipeline;
import java.util.List;
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

    /**
     * Sends StreamKit's {@code "Start"} or {@code "Shutdown"} to a node (see {@link NodeCommand}). Returns once
     * the command is taken, not when the node has handled it. Since 1.5.
     *
     * @throws PipelineException {@code CONFIGURATION} when the node does not exist or has already ended
     */
    void control(String nodeId, NodeCommand command) throws PipelineException;

    /**
     * Adds a node to the running session; a source (no inputs) starts at once. Checked first: the id is
     * new, the kind exists (with suggestions), is not oneshot-only and the params fit its schema.
     *
     * @throws PipelineException {@code CONFIGURATION} naming the node and kind; the session is unchanged
     */
    void addNode(String nodeId, String kind, Map<String, Object> params) throws PipelineException;

    /**
     * Removes a node and every connection touching it, stops it and closes it once. A downstream input
     * whose only connection came from this node sees end-of-stream; inputs with other connections do not.
     *
     * @throws PipelineException {@code CONFIGURATION} when there is no such node
     */
    void removeNode(String nodeId) throws PipelineException;

    /**
     * Connects {@code fromNode.fromPin} to {@code toNode.toPin} ({@code null} mode = reliable). Refused,
     * leaving the session unchanged, for a missing node or pin (dynamic families admitted), a type
     * mismatch (a Passthrough output resolves to its upstream type when known, else it is accepted), a
     * second connection into a {@code One} input, a duplicate, or a cycle without a bidirectional node.
     *
     * @throws PipelineException {@code CONFIGURATION} naming the nodes, pins or cycle
     */
    void connect(String fromNode, String fromPin, String toNode, String toPin, ConnectionMode mode)
            throws PipelineException;

    /**
     * Removes a connection. The downstream input does not see end-of-stream (as in StreamKit, its input
     * stays open for later connections).
     *
     * @throws PipelineException {@code CONFIGURATION} when there is no such connection
     */
    void disconnect(String fromNode, String fromPin, String toNode, String toPin) throws PipelineException;

    /**
     * Checks {@code operations} in order against a copy of the graph (each op sees the ones before it);
     * nothing changes.
     *
     * @return one message per refused operation ({@code "operation N (action): reason"}), empty when all pass
     */
    List<String> validateBatch(List<GraphOperation> operations);

    /**
     * Applies {@code operations} all-or-nothing: every op is checked against a copy first and nothing
     * changes when one is refused. No per-operation listener events are sent (as in StreamKit).
     *
     * @throws PipelineException {@code CONFIGURATION} listing the refused operations
     */
    void applyBatch(List<GraphOperation> operations) throws PipelineException;
}
