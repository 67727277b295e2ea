package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryOutFactoryTest {

    private final TelemetryOutFactory factory = new TelemetryOutFactory();

    @Test
    void publishesAnyInAndNoOutputs() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::telemetry_out", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertEquals(List.of(), definition.outputs());
        assertEquals(List.of("core", "observability"), definition.categories());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDeclaresTheThreeParamsWithStreamKitDefaults() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        assertEquals(List.of("packet_types", "event_type_filter", "max_events_per_sec"), List.copyOf(props.keySet()));
        assertEquals("array", ((Map<String, Object>) props.get("packet_types")).get("type"));
        assertEquals(List.of("Transcription", "Custom"), ((Map<String, Object>) props.get("packet_types")).get("default"));
        assertEquals(List.of(), ((Map<String, Object>) props.get("event_type_filter")).get("default"));
        Map<String, Object> max = (Map<String, Object>) props.get("max_events_per_sec");
        assertEquals("integer", max.get("type"));
        assertEquals(100, max.get("default"));
        assertFalse(props.containsKey("audio_sample_interval_ms"));
    }

    @Test
    void createsTelemetryOutNode() {
        assertInstanceOf(TelemetryOutNode.class, factory.create(Params.EMPTY, TestNodeContext.noFiles()));
    }
}
