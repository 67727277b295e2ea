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
import java.util.Set;
import org.junit.jupiter.api.Test;

class PacerFactoryTest {

    private final PacerFactory factory = new PacerFactory();

    @Test
    void publishesAnyInToPassthroughOutInTimingCategory() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::pacer", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.PASSTHROUGH)), definition.outputs());
        assertEquals(List.of("core", "timing"), definition.categories());
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsPacerParamsWithTunableSpeed() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        Map<String, Object> speed = (Map<String, Object>) props.get("speed");
        assertEquals("number", speed.get("type"));
        assertEquals(0.01, speed.get("minimum"));
        assertEquals(1.0, speed.get("default"));
        assertEquals(true, speed.get("tunable"));
        Map<String, Object> buffer = (Map<String, Object>) props.get("buffer_size");
        assertEquals(1L, buffer.get("minimum"));
        assertEquals(16, buffer.get("default"));
        Map<String, Object> burst = (Map<String, Object>) props.get("initial_burst_packets");
        assertEquals(0L, burst.get("minimum"));
        assertEquals(0, burst.get("default"));
        assertEquals(Set.of("speed"), factory.definition().params().tunableNames());
    }

    @Test
    void createsPacerNode() {
        assertInstanceOf(PacerNode.class, factory.create(Params.EMPTY, TestNodeContext.noFiles()));
    }
}
