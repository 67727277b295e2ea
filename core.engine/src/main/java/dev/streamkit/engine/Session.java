package dev.streamkit.engine;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Pipeline;
import java.util.Map;

/**
 * A live dynamic session: its pipeline's nodes run until the session is destroyed. Thread-safe.
 */
public interface Session {

    /** Id, name and creation time. */
    SessionInfo info();

    /** The pipeline the session was created from (nodes and connections). */
    Pipeline pipeline();

    /** The current state of every node, by node id in pipeline order. */
    Map<String, NodeState> nodeStates();

    /** Packet counters of every node, by node id; {@code discarded} counts best-effort drops. */
    Map<String, NodeStats> nodeStats();
}
