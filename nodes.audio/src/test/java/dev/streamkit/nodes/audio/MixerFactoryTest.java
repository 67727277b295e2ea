package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixerFactoryTest {

    private final MixerFactory factory = new MixerFactory();

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsMixerParams() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        Map<String, Object> numInputs = (Map<String, Object>) props.get("num_inputs");
        assertEquals(List.of("integer", "null"), numInputs.get("type"));
        assertEquals(1L, numInputs.get("minimum"));
        Map<String, Object> timeout = (Map<String, Object>) props.get("sync_timeout_ms");
        assertEquals(100, timeout.get("default"));
        assertEquals(0L, timeout.get("minimum"));
        assertEquals(List.of("object", "null"), ((Map<String, Object>) props.get("clocked")).get("type"));
        assertEquals(List.of("audio", "mixing"), factory.definition().categories());
    }

    @Test
    void definitionShowsDynamicInputs() {
        InputPin pin = factory.definition().inputs().get(0);
        assertEquals("in", pin.name());
        assertEquals(Cardinality.dynamic("in"), pin.cardinality());
        assertEquals(factory.definition().inputs(), factory.inputs(Params.EMPTY));
    }

    @Test
    void numInputsGivesFixedPins() {
        List<InputPin> pins = factory.inputs(Params.of(Map.of("num_inputs", 3)));
        assertEquals(List.of("in_0", "in_1", "in_2"), pins.stream().map(InputPin::name).toList());
        pins.forEach(p -> assertEquals(Cardinality.ONE, p.cardinality()));
    }

    @Test
    void createsClockedMixerWithDefaults() throws Exception {
        Node node = factory.create(Params.of(Map.of("clocked", Map.of())), TestNodeContext.noFiles());
        assertTrue(node instanceof ClockedMixerNode);
        node.close();
    }

    @Test
    void clockedConfigTakesStreamKitDefaults() throws Exception {
        assertEquals(new ClockedMixerConfig(48_000, 960, 3, true), ClockedMixerConfig.parse(Map.of()));
        assertEquals(new ClockedMixerConfig(16_000, 320, 5, false), ClockedMixerConfig.parse(Map.of("sample_rate", 16_000,
                "frame_samples_per_channel", 320, "jitter_buffer_frames", 5, "generate_silence", false)));
    }

    @Test
    void rejectsBadClockedValuesNamingTheField() {
        NodeException e = assertThrows(NodeException.class, () -> factory.create(
                Params.of(Map.of("clocked", Map.of("jitter_buffer_frames", 0))), TestNodeContext.noFiles()));
        assertEquals(NodeException.Cause.INVALID_PARAMS, e.failureCause());
        assertEquals("clocked.jitter_buffer_frames", e.field());
        NodeException frame = assertThrows(NodeException.class, () -> ClockedMixerConfig.parse(
                Map.of("sample_rate", 48_000, "frame_samples_per_channel", 96_000)));
        assertEquals("clocked.frame_samples_per_channel", frame.field());
        NodeException silence = assertThrows(NodeException.class, () -> ClockedMixerConfig.parse(
                Map.of("generate_silence", "yes")));
        assertEquals("clocked.generate_silence", silence.field());
    }

    @Test
    void createsMixerWithoutParams() throws Exception {
        assertTrue(factory.create(Params.EMPTY, TestNodeContext.noFiles()) instanceof MixerNode);
    }
}
