package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/schema/nodes} and {@code /schema/packets} on the assembled runtime. */
class NodeSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("streamkit::http_input", "streamkit::http_output",
            "core::passthrough", "core::sink", "core::file_reader", "core::json_serialize", "audio::gain",
            "audio::resampler", "audio::mixer", "containers::wav::demuxer", "containers::wav::muxer");

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void listsEveryKindWithSchemaPinsAndProvider() throws Exception {
        JsonNode nodes = JSON.readTree(running.get().get("/api/v1/schema/nodes").body());
        Map<String, JsonNode> byKind = new HashMap<>();
        nodes.forEach(node -> byKind.put(node.get("kind").asText(), node));
        for (String kind : KINDS) {
            JsonNode node = byKind.get(kind);
            assertNotNull(node, "missing kind " + kind);
            assertTrue(node.get("param_schema").isObject(), kind);
            assertTrue(node.get("inputs").isArray() && node.get("outputs").isArray(), kind);
            assertFalse(node.get("inputs").isEmpty() && node.get("outputs").isEmpty(), kind + " has no pins");
            assertTrue(node.get("provider").get("bundle").asText().startsWith("dev.streamkit."), kind);
            assertFalse(node.get("provider").get("version").asText().isEmpty(), kind);
        }
        JsonNode gain = byKind.get("audio::gain").get("param_schema").get("properties").get("gain");
        assertEquals(0, gain.get("minimum").asInt());
        assertEquals(4, gain.get("maximum").asInt());
        assertTrue(gain.get("tunable").asBoolean());
        assertEquals("dev.streamkit.nodes.audio", byKind.get("audio::gain").get("provider").get("bundle").asText());
        assertEquals("dev.streamkit.transport.http", byKind.get("streamkit::http_input").get("provider").get("bundle").asText());
        assertEquals("Binary", byKind.get("core::file_reader").get("outputs").get(0).get("produces_type").asText());
        JsonNode trackPins = byKind.get("transport::moq::subscriber").get("outputs").get(1);
        assertEquals("*/*", trackPins.get("name").asText(), "a pin family shows its pattern as its name");
        assertEquals("Broadcast", trackPins.get("cardinality").asText(), "each of its pins is a broadcast output");
    }

    @Test
    void listsPacketTypesWithCompatibilityRules() throws Exception {
        JsonNode packets = JSON.readTree(running.get().get("/api/v1/schema/packets").body());
        Map<String, JsonNode> byId = new HashMap<>();
        packets.forEach(p -> byId.put(p.get("id").asText(), p));
        assertEquals("any", byId.get("Any").get("compatibility").get("kind").asText());
        assertEquals("structfieldwildcard", byId.get("RawAudio").get("compatibility").get("kind").asText());
        assertEquals("Opus Audio", byId.get("OpusAudio").get("label").asText());
    }
}
