package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AudioPacerFactoryTest {

    private final AudioPacerFactory factory = new AudioPacerFactory();

    @Test
    void publishesRawAudioInToPassthroughOutInTimingCategory() {
        NodeDefinition definition = factory.definition();
        assertEquals("audio::pacer", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.RAW_AUDIO_ANY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.PASSTHROUGH)), definition.outputs());
        assertEquals(List.of("audio", "timing"), definition.categories());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsAudioPacerParamsWithTunableSpeed() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        assertEquals(1.0, ((Map<String, Object>) props.get("speed")).get("default"));
        assertEquals(32, ((Map<String, Object>) props.get("buffer_size")).get("default"));
        assertEquals(true, ((Map<String, Object>) props.get("generate_silence")).get("default"));
        assertEquals(List.of("integer", "null"), ((Map<String, Object>) props.get("initial_sample_rate")).get("type"));
        assertEquals(List.of("integer", "null"), ((Map<String, Object>) props.get("initial_channels")).get("type"));
        assertEquals(Set.of("speed"), factory.definition().params().tunableNames());
    }

    @Test
    void rejectsInitialSampleRateWithoutChannels() {
        NodeException e = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("initial_sample_rate", 48_000)), TestNodeContext.noFiles()));
        assertEquals(NodeException.Cause.INVALID_PARAMS, e.failureCause());
        assertEquals("initial_channels", e.field());
    }

    @Test
    void createsAudioPacerNode() throws Exception {
        assertInstanceOf(AudioPacerNode.class, factory.create(Params.of(
                Map.of("initial_sample_rate", 48_000, "initial_channels", 2)), TestNodeContext.noFiles()));
    }
}
