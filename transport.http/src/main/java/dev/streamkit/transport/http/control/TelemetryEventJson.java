package dev.streamkit.transport.http.control;

import dev.streamkit.api.node.TelemetryEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamKit's {@code nodetelemetry} event payload: {@code {event, session_id, node_id, type_id:
 * "core::telemetry/event@1", data: {event_type, ...}, timestamp_us, timestamp}}. String values longer than
 * {@value #MAX_STRING_CHARS} characters anywhere in {@code data} are cut to their first
 * {@value #MAX_STRING_CHARS} characters followed by {@value #TRUNCATED}, so that a chatty node (a
 * transcript, a prompt) cannot flood the control sockets.
 */
final class TelemetryEventJson {

    static final int MAX_STRING_CHARS = 100;
    static final String TRUNCATED = Truncation.TRUNCATED;
    private static final Truncation STRINGS = new Truncation(MAX_STRING_CHARS, Integer.MAX_VALUE);

    private TelemetryEventJson() {
    }

    static Map<String, Object> of(String sessionId, String nodeId, TelemetryEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("event_type", event.eventType());
        event.data().forEach((key, value) -> {
            if (!key.equals("event_type")) data.put(key, truncated(value));
        });
        Map<String, Object> payload = Envelopes.event("nodetelemetry");
        payload.put("session_id", sessionId);
        payload.put("node_id", nodeId);
        payload.put("type_id", TelemetryEvent.TYPE_ID);
        payload.put("data", data);
        payload.put("timestamp_us", event.timestampUs());
        payload.put("timestamp", Instant.EPOCH.plus(event.timestampUs(), ChronoUnit.MICROS).toString());
        return payload;
    }

    /** {@code value} with every string inside it (maps and lists followed) cut to the limit. */
    static Object truncated(Object value) {
        return STRINGS.apply(value);
    }
}
