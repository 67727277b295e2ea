package dev.streamkit.transport.http.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Role;
import dev.streamkit.security.auth.Caller;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One {@code /api/v1/control} connection, acting for the {@link Role} resolved at upgrade: parses each text
 * frame as an envelope, serves requests in arrival order (Jetty delivers one frame at a time) and answers
 * with the request's correlation id. Bad JSON, unknown actions and refusals get an {@code error} response;
 * the connection stays open. Binary frames are ignored. Public only because Jetty calls the listener
 * methods through method handles.
 */
public final class ControlSocket implements Session.Listener.AutoDemanding {

    private final ControlRequests requests;
    private final Role role;
    private final Caller caller;
    private final Consumer<ControlSocket> onOpen;
    private final Consumer<ControlSocket> onClose;
    private volatile Outbox outbox;
    private volatile Session session;

    /**
     * @param caller who the upgrade was authenticated as, or {@code null} (auth off)
     */
    ControlSocket(ControlRequests requests, Role role, Caller caller, Consumer<ControlSocket> onOpen,
                  Consumer<ControlSocket> onClose) {
        this.requests = requests;
        this.role = role;
        this.caller = caller;
        this.onOpen = onOpen;
        this.onClose = onClose;
    }

    /** Who this connection was authenticated as (auth on), or {@code null}. */
    Caller caller() {
        return caller;
    }

    /** Closes the connection (1008, policy violation) because its token is no longer valid; {@code why} is the reason sent. */
    void closeForToken(String why) {
        Session current = session;
        if (current != null) current.close(StatusCode.POLICY_VIOLATION, why, Callback.NOOP);
    }

    /** The role this connection acts for. */
    Role role() {
        return role;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        outbox = new Outbox(session);
        onOpen.accept(this);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonNode envelope;
        try {
            envelope = Envelopes.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            reply(null, Envelopes.error("Invalid JSON: " + e.getOriginalMessage()));
            return;
        }
        JsonNode correlation = envelope == null ? null : envelope.get("correlation_id");
        String correlationId = correlation != null && correlation.isTextual() ? correlation.asText() : null;
        if (envelope == null || !envelope.path("payload").isObject()) {
            reply(correlationId, Envelopes.error("Invalid request: expected {\"type\":\"request\", \"payload\": {...}}"));
            return;
        }
        Map<String, Object> response;
        try {
            response = requests.handle(role, envelope.get("payload"));
        } catch (ControlError | AccessDenied e) {
            response = Envelopes.error(e.getMessage());
        } catch (RuntimeException e) {
            response = Envelopes.error("Internal error: " + e.getMessage());
        }
        if (response != null) reply(correlationId, response);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        onClose.accept(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        onClose.accept(this);
    }

    /**
     * Sends an already serialized event envelope.
     *
     * @param droppable whether the event may be lost when the client lags (telemetry, stats)
     */
    void sendEvent(String envelope, boolean droppable) {
        Outbox current = outbox;
        if (current == null) return;
        if (droppable) {
            current.offer(envelope);
        } else {
            current.send(envelope);
        }
    }

    private void reply(String correlationId, Map<String, Object> payload) {
        Outbox current = outbox;
        if (current != null) current.send(Envelopes.response(correlationId, payload));
    }
}
