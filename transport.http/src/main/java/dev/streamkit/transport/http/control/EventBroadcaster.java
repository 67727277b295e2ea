package dev.streamkit.transport.http.control;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.NodeReplacement;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionListener;
import dev.streamkit.engine.SessionManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns engine session events into StreamKit's {@code payload.event} envelopes and sends each to every
 * connected control socket whose role may see the session ({@link SessionVisibility}); there is no
 * subscription. Sending only queues on each socket's {@link Outbox}, so engine threads never wait for a
 * client; stats and telemetry events may be dropped for a lagging client, the others may not. The params
 * that {@code nodeparamschanged} and {@code nodeadded} echo have strings cut to 1 024 characters and lists to
 * 256 items ({@link Truncation}).
 */
final class EventBroadcaster implements SessionListener {

    /** How much of a node's params {@code nodeparamschanged} and {@code nodeadded} echo. */
    static final Truncation PARAMS_ECHO = new Truncation(1024, 256);

    private final Set<ControlSocket> sockets = ConcurrentHashMap.newKeySet();
    private final SessionVisibility visibility;

    EventBroadcaster(SessionManager sessions) {
        this.visibility = new SessionVisibility(sessions);
    }

    void add(ControlSocket socket) {
        sockets.add(socket);
    }

    void remove(ControlSocket socket) {
        sockets.remove(socket);
    }

    @Override
    public void sessionCreated(SessionInfo info) {
        visibility.remember(info);
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
        visibility.forget(info.id());
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
        broadcast(event, true);
    }

    @Override
    public void nodeTelemetry(String sessionId, String nodeId, TelemetryEvent telemetry) {
        broadcast(TelemetryEventJson.of(sessionId, nodeId, telemetry), true);
    }

    @Override
    public void nodeParamsChanged(String sessionId, String nodeId, Map<String, Object> params) {
        Map<String, Object> event = node("nodeparamschanged", sessionId, nodeId);
        event.put("params", PARAMS_ECHO.apply(params));
        broadcast(event);
    }

    @Override
    public void nodeAdded(String sessionId, String nodeId, String kind, Map<String, Object> params) {
        Map<String, Object> event = node("nodeadded", sessionId, nodeId);
        event.put("kind", kind);
        event.put("params", PARAMS_ECHO.apply(params));
        broadcast(event);
    }

    /** StreamKit/J's {@code nodereplaced}: a hot upgrade moved the node to another bundle revision. */
    @Override
    public void nodeReplaced(String sessionId, NodeReplacement replacement) {
        Map<String, Object> event = node("nodereplaced", sessionId, replacement.nodeId());
        event.put("kind", replacement.kind());
        event.put("old_bundle", replacement.oldBundle());
        event.put("old_version", replacement.oldVersion());
        event.put("new_bundle", replacement.newBundle());
        event.put("new_version", replacement.newVersion());
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
        broadcast(payload, false);
    }

    /** Sends {@code payload} (which names its {@code session_id}) to the sockets allowed to see that session. */
    private void broadcast(Map<String, Object> payload, boolean droppable) {
        if (sockets.isEmpty()) return;
        String sessionId = (String) payload.get("session_id");
        String envelope = null;
        for (ControlSocket socket : sockets) {
            if (!visibility.visibleTo(socket.role(), sessionId)) continue;
            if (envelope == null) envelope = Envelopes.eventEnvelope(payload);
            socket.sendEvent(envelope, droppable);
        }
    }
}
