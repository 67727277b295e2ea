package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResamplerFactoryTest {

    private final ResamplerFactory factory = new ResamplerFactory();

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsResamplerParams() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        Map<String, Object> target = (Map<String, Object>) props.get("target_sample_rate");
        assertEquals("integer", target.get("type"));
        assertEquals(48_000, target.get("default"));
        assertEquals(1L, target.get("minimum"));
        assertEquals(960, ((Map<String, Object>) props.get("chunk_frames")).get("default"));
        Map<String, Object> frameSize = (Map<String, Object>) props.get("output_frame_size");
        assertEquals(960, frameSize.get("default"));
        assertEquals(0L, frameSize.get("minimum"));
        assertEquals(List.of("audio", "filters"), factory.definition().categories());
    }

    @Test
    void outputPinCarriesTargetRate() {
        assertEquals(PacketType.rawAudio(16_000, 0),
                factory.outputs(Params.of(Map.of("target_sample_rate", 16_000))).get(0).producesType());
        assertEquals(PacketType.rawAudio(48_000, 0), factory.outputs(Params.EMPTY).get(0).producesType());
        assertEquals(PacketType.RAW_AUDIO_ANY, factory.definition().inputs().get(0).acceptsTypes().get(0));
    }

    @Test
    void createsResamplerWithoutParams() {
        assertTrue(factory.create(Params.EMPTY, TestNodeContext.noFiles()) instanceof ResamplerNode);
    }
}
