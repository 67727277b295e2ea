package dev.streamkit.transport.http.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamKit's WebSocket envelope {@code {type, correlation_id?, payload}}: responses tagged by
 * {@code payload.action}, events by {@code payload.event} (never with a correlation id).
 */
final class Envelopes {

    static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    /** A response payload {@code {action, ...}} to fill in. */
    static Map<String, Object> action(String action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        return payload;
    }

    /** An event payload {@code {event, ...}} to fill in. */
    static Map<String, Object> event(String event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        return payload;
    }

    /** {@code {action:"error", message}}. */
    static Map<String, Object> error(String message) {
        Map<String, Object> payload = action("error");
        payload.put("message", message);
        return payload;
    }

    /** RFC 3339 "now", as StreamKit stamps state and stats events. */
    static String now() {
        return Instant.now().toString();
    }

    static String response(String correlationId, Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "response");
        if (correlationId != null) envelope.put("correlation_id", correlationId);
        envelope.put("payload", payload);
        return write(envelope);
    }

    static String eventEnvelope(Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "event");
        envelope.put("payload", payload);
        return write(envelope);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a control message", e);
        }
    }
}
