package dev.streamkit.transport.http.control;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns engine session events into StreamKit's {@code payload.event} envelopes and sends each to every
 * connected control socket (no subscription; RBAC filtering does not exist yet, so everyone gets all).
 * Sending only queues on each socket's {@link Outbox}, so engine threads never wait for a client.
 */
final class EventBroadcaster implements SessionListener {

    private final Set<ControlSocket> sockets = ConcurrentHashMap.newKeySet();

    void add(ControlSocket socket) {
        sockets.add(socket);
    }

    void remove(ControlSocket socket) {
        sockets.remove(socket);
    }

    @Override
    public void sessionCreated(SessionInfo info) {
        Map<String, Object> event = Envelopes.event("sessioncreated");
        event.put("session_id", info.id());
        event.put("name", info.name());
        event.put("created_at", info.createdAt().toString());
        broadcast(event);
    }

    @Override
    public void sessionDestroyed(SessionInfo info) {
        Map<String, Object> event = Envelopes.event("sessiondestroyed");
        event.put("session_id", info.id());
        broadcast(event);
    }

    @Override
    public void nodeStateChanged(String sessionId, String nodeId, NodeState state) {
        Map<String, Object> event = node("nodestatechanged", sessionId, nodeId);
        event.put("state", state.toJson());
        event.put("timestamp", Envelopes.now());
        broadcast(event);
    }

    @Override
    public void nodeStatsUpdated(String sessionId, String nodeId, NodeStats stats) {
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("received", stats.received());
        counters.put("sent", stats.sent());
        counters.put("discarded", stats.discarded());
        counters.put("errored", stats.errored());
        counters.put("duration_secs", stats.durationSecs());
        Map<String, Object> event = node("nodestatsupdated", sessionId, nodeId);
        event.put("stats", counters);
        event.put("timestamp", Envelopes.now());
        broadcast(event);
    }

    @Override
    public void nodeParamsChanged(String sessionId, String nodeId, Map<String, Object> params) {
        Map<String, Object> event = node("nodeparamschanged", sessionId, nodeId);
        event.put("params", params);
        broadcast(event);
    }

    @Override
    public void nodeAdded(String sessionId, String nodeId, String kind, Map<String, Object> params) {
        Map<String, Object> event = node("nodeadded", sessionId, nodeId);
        event.put("kind", kind);
        event.put("params", params);
        broadcast(event);
    }

    @Override
    public void nodeRemoved(String sessionId, String nodeId) {
        broadcast(node("noderemoved", sessionId, nodeId));
    }

    @Override
    public void connectionAdded(String sessionId, Connection connection) {
        broadcast(connection("connectionadded", sessionId, connection));
    }

    @Override
    public void connectionRemoved(String sessionId, Connection connection) {
        broadcast(connection("connectionremoved", sessionId, connection));
    }

    private static Map<String, Object> connection(String name, String sessionId, Connection c) {
        Map<String, Object> event = Envelopes.event(name);
        event.put("session_id", sessionId);
        event.put("from_node", c.fromNode());
        event.put("from_pin", c.fromPin());
        event.put("to_node", c.toNode());
        event.put("to_pin", c.toPin());
        return event;
    }

    private static Map<String, Object> node(String name, String sessionId, String nodeId) {
        Map<String, Object> event = Envelopes.event(name);
        event.put("session_id", sessionId);
        event.put("node_id", nodeId);
        return event;
    }

    private void broadcast(Map<String, Object> payload) {
        if (sockets.isEmpty()) return;
        String envelope = Envelopes.eventEnvelope(payload);
        for (ControlSocket socket : sockets) socket.sendEvent(envelope);
    }
}
