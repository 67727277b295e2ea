package dev.streamkit.transport.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.api.node.TelemetryEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryEventJsonTest {

    private static final String LONG = "x".repeat(150);
    private static final String CUT = "x".repeat(100) + "...[truncated]";

    @Test
    void hasStreamKitsShape() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("correlation_id", "c1");
        data.put("level_db", -12.5);
        TelemetryEvent event = new TelemetryEvent("audio.level", data, 1_700_000_000_123_456L);
        JsonNode json = Envelopes.JSON.valueToTree(TelemetryEventJson.of("s1", "n1", event));
        assertEquals(List.of("event", "session_id", "node_id", "type_id", "data", "timestamp_us", "timestamp"),
                iterable(json.fieldNames()));
        assertEquals("nodetelemetry", json.get("event").asText());
        assertEquals("s1", json.get("session_id").asText());
        assertEquals("n1", json.get("node_id").asText());
        assertEquals("core::telemetry/event@1", json.get("type_id").asText());
        assertEquals(List.of("event_type", "correlation_id", "level_db"), iterable(json.get("data").fieldNames()));
        assertEquals("audio.level", json.get("data").get("event_type").asText());
        assertEquals(-12.5, json.get("data").get("level_db").asDouble());
        assertEquals(1_700_000_000_123_456L, json.get("timestamp_us").asLong());
        assertEquals("2023-11-14T22:13:20.123456Z", json.get("timestamp").asText());
    }

    @Test
    void truncatesLongStringsAtAnyDepth() {
        Map<String, Object> data = Map.of("text", LONG, "segments", List.of(Map.of("text", LONG), "short"),
                "nested", Map.of("deeper", Map.of("text", LONG)), "exact", "y".repeat(100));
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) TelemetryEventJson.of("s", "n", TelemetryEvent.now("stt.result", data)).get("data");
        assertEquals(CUT, out.get("text"));
        assertEquals(List.of(Map.of("text", CUT), "short"), out.get("segments"));
        assertEquals(Map.of("deeper", Map.of("text", CUT)), out.get("nested"));
        assertEquals("y".repeat(100), out.get("exact"), "exactly 100 characters stay whole");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(101);
        String cut = (String) TelemetryEventJson.truncated(emoji);
        assertEquals("\uD83D\uDE00".repeat(100) + "...[truncated]", cut);
    }

    @Test
    void eventTypeComesFromTheEvent() {
        TelemetryEvent event = TelemetryEvent.now("vad.speech_start", Map.of("event_type", "spoofed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) TelemetryEventJson.of("s", "n", event).get("data");
        assertEquals(Map.of("event_type", "vad.speech_start"), out);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
