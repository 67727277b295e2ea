package dev.streamkit.engine;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.pipeline.Connection;
import java.util.Map;

/**
 * Observes dynamic sessions (StreamKit's WebSocket events). Register with
 * {@link SessionManager#addListener}. Callbacks run on engine threads (the caller of create/destroy/tune,
 * or a node's worker), so they must return quickly and must not block; an exception thrown by a listener
 * is ignored.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface SessionListener {

    /** A session was created and its sources started. */
    default void sessionCreated(SessionInfo info) {
    }

    /** A session was destroyed (its nodes are stopped and closed). */
    default void sessionDestroyed(SessionInfo info) {
    }

    /** A node's state changed. */
    default void nodeStateChanged(String sessionId, String nodeId, NodeState state) {
    }

    /** A node published an event on the session's telemetry bus. */
    default void nodeTelemetry(String sessionId, String nodeId, TelemetryEvent event) {
    }

    /** A node's counters, sent at the first non-empty snapshot, then periodically, and once at the end. */
    default void nodeStatsUpdated(String sessionId, String nodeId, NodeStats stats) {
    }

    /** A node was tuned with {@code params} (which replaced its stored params). */
    default void nodeParamsChanged(String sessionId, String nodeId, Map<String, Object> params) {
    }

    /** A node was added to a running session (not sent for batch operations). */
    default void nodeAdded(String sessionId, String nodeId, String kind, Map<String, Object> params) {
    }

    /** A node was removed from a running session (not sent for batch operations). */
    default void nodeRemoved(String sessionId, String nodeId) {
    }

    /** A connection was added to a running session (not sent for batch operations). */
    default void connectionAdded(String sessionId, Connection connection) {
    }

    /** A connection was removed from a running session (not sent for batch operations). */
    default void connectionRemoved(String sessionId, Connection connection) {
    }

    /** A node moved to the successor of its plugin bundle (a hot upgrade). Since 1.5. */
    default void nodeReplaced(String sessionId, NodeReplacement replacement) {
    }
}
