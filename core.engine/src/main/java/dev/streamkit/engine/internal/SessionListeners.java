package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.engine.NodeReplacement;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionListener;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link SessionListener}s. An event is fired at a fan-out listener that hands it to each
 * registered one; a listener's exception does not reach the engine, it is logged once with the event's
 * session and node (or connection). NOTE: the fan-out overrides every {@link SessionListener} method (a test
 * checks it), so an event added to the interface must be added here too.
 */
public final class SessionListeners {

    private static final Logger LOG = LoggerFactory.getLogger(SessionListeners.class);

    private final CopyOnWriteArrayList<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final SessionListener fanOut = new FanOut();

    public void add(SessionListener listener) {
        listeners.addIfAbsent(listener);
    }

    public void remove(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Calls {@code event} on every listener, isolating and logging their failures. */
    public void fire(Consumer<SessionListener> event) {
        event.accept(fanOut);
    }

    /** The listener that {@link #fire} calls. */
    SessionListener fanOut() {
        return fanOut;
    }

    /** Calls every listener; {@code subject} and {@code id} name what the event is about, for the log. */
    private void each(String sessionId, String subject, Object id, Consumer<SessionListener> call) {
        for (SessionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Session listener {} failed on an event of session {} ({} {}); the engine carries on",
                        listener.getClass().getName(), sessionId, subject, id, e);
            }
        }
    }

    /** Hands each event to every registered listener, naming its session and node for the log. */
    private final class FanOut implements SessionListener {

        @Override
        public void sessionCreated(SessionInfo info) {
            each(info.id(), "session", "created", l -> l.sessionCreated(info));
        }

        @Override
        public void sessionDestroyed(SessionInfo info) {
            each(info.id(), "session", "destroyed", l -> l.sessionDestroyed(info));
        }

        @Override
        public void nodeStateChanged(String sessionId, String nodeId, NodeState state) {
            each(sessionId, "node", nodeId, l -> l.nodeStateChanged(sessionId, nodeId, state));
        }

        @Override
        public void nodeTelemetry(String sessionId, String nodeId, TelemetryEvent event) {
            each(sessionId, "node", nodeId, l -> l.nodeTelemetry(sessionId, nodeId, event));
        }

        @Override
        public void nodeStatsUpdated(String sessionId, String nodeId, NodeStats stats) {
            each(sessionId, "node", nodeId, l -> l.nodeStatsUpdated(sessionId, nodeId, stats));
        }

        @Override
        public void nodeParamsChanged(String sessionId, String nodeId, Map<String, Object> params) {
            each(sessionId, "node", nodeId, l -> l.nodeParamsChanged(sessionId, nodeId, params));
        }

        @Override
        public void nodeAdded(String sessionId, String nodeId, String kind, Map<String, Object> params) {
            each(sessionId, "node", nodeId, l -> l.nodeAdded(sessionId, nodeId, kind, params));
        }

        @Override
        public void nodeRemoved(String sessionId, String nodeId) {
            each(sessionId, "node", nodeId, l -> l.nodeRemoved(sessionId, nodeId));
        }

        @Override
        public void connectionAdded(String sessionId, Connection connection) {
            each(sessionId, "connection", connection, l -> l.connectionAdded(sessionId, connection));
        }

        @Override
        public void connectionRemoved(String sessionId, Connection connection) {
            each(sessionId, "connection", connection, l -> l.connectionRemoved(sessionId, connection));
        }

        @Override
        public void nodeReplaced(String sessionId, NodeReplacement replacement) {
            each(sessionId, "node", replacement.nodeId(), l -> l.nodeReplaced(sessionId, replacement));
        }
    }
}
