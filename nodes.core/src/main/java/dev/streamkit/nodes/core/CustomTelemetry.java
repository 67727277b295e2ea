package dev.streamkit.nodes.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.CustomPacket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The telemetry event for a Custom packet, whose JSON payload names its own {@code event_type}:
 *
 * <pre>
 *   core::telemetry/event@1          the payload's event_type; its other fields as data (correlation_id,
 *                                    turn_id...) and its metadata.timestamp_us as the event time
 *   plugin::native::vad/vad-event@1  "vad." + event_type (speech_start becomes vad.speech_start), data plus
 *                                    source_type_id and, when renamed, source_event_type
 *   any other type id                the payload's event_type, else custom.received; data plus source_type_id
 * </pre>
 *
 * A payload that is not a JSON object is carried as {@code value}; one that is not JSON at all becomes
 * {@code custom.received {source_type_id, invalid_json: true, text_preview}}. {@code event_type} itself is
 * left out of the data: the event carries it.
 */
final class CustomTelemetry {

    static final String VAD_TYPE_ID = "plugin::native::vad/vad-event@1";
    static final String FALLBACK_EVENT_TYPE = "custom.received";
    private static final String VAD_PREFIX = "vad.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CustomTelemetry() {
    }

    static TelemetryEvent toEvent(CustomPacket packet) {
        Map<String, Object> data = new LinkedHashMap<>();
        String eventType = readPayload(packet.jsonData(), data);
        if (TelemetryEvent.TYPE_ID.equals(packet.typeId())) {
            Long timestampUs = packet.metadata().timestampUs();
            String type = eventType != null ? eventType : FALLBACK_EVENT_TYPE;
            return timestampUs != null ? new TelemetryEvent(type, data, timestampUs) : TelemetryEvent.now(type, data);
        }
        data.put("source_type_id", packet.typeId());
        if (!VAD_TYPE_ID.equals(packet.typeId())) {
            return TelemetryEvent.now(eventType != null ? eventType : FALLBACK_EVENT_TYPE, data);
        }
        String sourceType = eventType != null ? eventType : "unknown";
        if (sourceType.startsWith(VAD_PREFIX)) return TelemetryEvent.now(sourceType, data);
        data.put("source_event_type", sourceType);
        return TelemetryEvent.now(VAD_PREFIX + sourceType, data);
    }

    /** Puts the payload's fields into {@code data}, except a string {@code event_type}: that it returns, else null. */
    private static String readPayload(String json, Map<String, Object> data) {
        Object payload;
        try {
            payload = JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            data.put("invalid_json", true);
            data.put("text_preview", PacketTelemetry.preview(json));
            return null;
        }
        if (!(payload instanceof Map<?, ?> fields)) {
            data.put("value", payload);
            return null;
        }
        fields.forEach((name, value) -> data.put(String.valueOf(name), value));
        if (!(data.get("event_type") instanceof String type) || type.isBlank()) return null;
        data.remove("event_type");
        return type;
    }
}
