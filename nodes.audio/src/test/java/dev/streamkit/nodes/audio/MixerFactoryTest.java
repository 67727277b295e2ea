package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.testing.TestNodeContext;
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
    void rejectsClockedMode() {
        NodeException e = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("clocked", Map.of())), TestNodeContext.noFiles()));
        assertEquals(NodeException.Cause.INVALID_PARAMS, e.failureCause());
        assertEquals("clocked", e.field());
    }

    @Test
    void createsMixerWithoutParams() throws Exception {
        assertTrue(factory.create(Params.EMPTY, TestNodeContext.noFiles()) instanceof MixerNode);
    }
}
