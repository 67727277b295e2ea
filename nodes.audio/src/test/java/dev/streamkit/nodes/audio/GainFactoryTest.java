package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GainFactoryTest {

    private final GainFactory factory = new GainFactory();

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsTunableGain() {
        Map<String, Object> schema = factory.definition().params().toJsonSchema();
        Map<String, Object> gain = (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get("gain");
        assertEquals("number", gain.get("type"));
        assertEquals(0.0, gain.get("minimum"));
        assertEquals(4.0, gain.get("maximum"));
        assertEquals(1.0, gain.get("default"));
        assertEquals(true, gain.get("tunable"));
        assertNotNull(gain.get("description"));
        assertEquals(java.util.Set.of("gain"), factory.definition().params().tunableNames());
    }

    @Test
    void definitionDeclaresRawAudioPinsAndCategories() {
        NodeDefinition definition = factory.definition();
        assertEquals("audio::gain", definition.kind());
        assertEquals("in", definition.inputs().get(0).name());
        assertEquals(List.of(PacketType.RAW_AUDIO_ANY), definition.inputs().get(0).acceptsTypes());
        assertEquals(Cardinality.BROADCAST, definition.outputs().get(0).cardinality());
        assertEquals(List.of("audio", "filters"), definition.categories());
    }

    @Test
    void createsGainNode() {
        assertTrue(factory.create(Params.of(Map.of("gain", 0.5)), TestNodeContext.noFiles()) instanceof GainNode);
    }
}
