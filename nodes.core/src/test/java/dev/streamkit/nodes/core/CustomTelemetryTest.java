package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomTelemetryTest {

    private static TelemetryEvent event(String typeId, String json) {
        return CustomTelemetry.toEvent(new CustomPacket(typeId, json, PacketMetadata.NONE));
    }

    @Test
    void telemetryEnvelopeKeepsItsTypeDataIdsAndTimestamp() {
        String json = "{\"event_type\":\"llm.response\",\"correlation_id\":\"c-1\",\"turn_id\":\"t-7\",\"latency_ms\":842}";
        CustomPacket packet = new CustomPacket(TelemetryEvent.TYPE_ID, json, PacketMetadata.timed(1_735_257_600_000_000L, 0));
        TelemetryEvent event = CustomTelemetry.toEvent(packet);
        assertEquals("llm.response", event.eventType());
        assertEquals(Map.of("correlation_id", "c-1", "turn_id", "t-7", "latency_ms", 842), event.data());
        assertEquals(1_735_257_600_000_000L, event.timestampUs());
    }

    @Test
    void vadEventGetsPrefixAndSourceFields() {
        TelemetryEvent event = event(CustomTelemetry.VAD_TYPE_ID, "{\"event_type\":\"speech_start\",\"timestamp_ms\":5000}");
        assertEquals("vad.speech_start", event.eventType());
        assertEquals(Map.of("timestamp_ms", 5000, "source_type_id", CustomTelemetry.VAD_TYPE_ID,
                "source_event_type", "speech_start"), event.data());
    }

    @Test
    void vadEventAlreadyPrefixedIsNotRenamed() {
        TelemetryEvent event = event(CustomTelemetry.VAD_TYPE_ID, "{\"event_type\":\"vad.speech_end\",\"duration_ms\":2000}");
        assertEquals("vad.speech_end", event.eventType());
        assertEquals(Map.of("duration_ms", 2000, "source_type_id", CustomTelemetry.VAD_TYPE_ID), event.data());
    }

    @Test
    void otherCustomUsesItsEventTypeElseCustomReceived() {
        TelemetryEvent named = event("plugin::acme/score@1", "{\"event_type\":\"score.updated\",\"score\":3}");
        assertEquals("score.updated", named.eventType());
        assertEquals(Map.of("score", 3, "source_type_id", "plugin::acme/score@1"), named.data());

        TelemetryEvent unnamed = event("plugin::acme/score@1", "{\"score\":3}");
        assertEquals("custom.received", unnamed.eventType());
        assertEquals(Map.of("score", 3, "source_type_id", "plugin::acme/score@1"), unnamed.data());
    }

    @Test
    void nonObjectPayloadIsCarriedAsValue() {
        TelemetryEvent event = event("plugin::acme/list@1", "[1,2,3]");
        assertEquals("custom.received", event.eventType());
        assertEquals(List.of(1, 2, 3), event.data().get("value"));
    }

    @Test
    void invalidJsonIsReportedNotThrown() {
        TelemetryEvent event = event("plugin::acme/broken@1", "{\"event_type\": oops");
        assertEquals("custom.received", event.eventType());
        assertEquals(true, event.data().get("invalid_json"));
        assertEquals("{\"event_type\": oops", event.data().get("text_preview"));
        assertTrue(event(TelemetryEvent.TYPE_ID, "{} trailing").data().containsKey("invalid_json"));
    }
}
