package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTapFactoryTest {

    private final TelemetryTapFactory factory = new TelemetryTapFactory();

    @Test
    void publishesAnyInToPassthroughOut() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::telemetry_tap", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.PASSTHROUGH)), definition.outputs());
        assertEquals(List.of("core", "observability"), definition.categories());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaAddsTheAudioSampleInterval() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        assertEquals(List.of("packet_types", "event_type_filter", "max_events_per_sec", "audio_sample_interval_ms"),
                List.copyOf(props.keySet()));
        Map<String, Object> interval = (Map<String, Object>) props.get("audio_sample_interval_ms");
        assertEquals(1_000L, interval.get("default"));
        assertEquals(0L, interval.get("minimum"));
        assertEquals("ms", interval.get("unit"));
    }

    @Test
    void createsTelemetryTapNode() {
        assertInstanceOf(TelemetryTapNode.class, factory.create(Params.EMPTY, TestNodeContext.noFiles()));
    }
}
