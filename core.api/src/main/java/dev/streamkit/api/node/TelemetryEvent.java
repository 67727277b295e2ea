package dev.streamkit.api.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event on a session's telemetry bus (StreamKit's {@code core::telemetry/event@1}): published by a node
 * through {@link Outputs#telemetry}, forwarded to control clients as a {@code nodetelemetry} event.
 * Conventional types: {@code stt.result}, {@code vad.speech_start}, {@code text.received},
 * {@code audio.level}, {@code telemetry.health}...
 *
 * @param eventType     dotted event type, e.g. {@code audio.level}; never blank
 * @param data          JSON-compatible values (strings, numbers, booleans, lists, maps); may carry
 *                      {@code correlation_id} and {@code turn_id}; copied, unmodifiable
 * @param timestampUs   wall-clock time of the event in microseconds since the epoch
 */
public record TelemetryEvent(String eventType, Map<String, Object> data, long timestampUs) {

    /** The custom packet type id StreamKit gives telemetry events. */
    public static final String TYPE_ID = "core::telemetry/event@1";

    public TelemetryEvent {
        Objects.requireNonNull(eventType, "eventType");
        if (eventType.isBlank()) throw new IllegalArgumentException("eventType is blank");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An event stamped now. */
    public static TelemetryEvent now(String eventType, Map<String, Object> data) {
        return new TelemetryEvent(eventType, data, System.currentTimeMillis() * 1000L);
    }
}
