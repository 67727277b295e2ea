package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkFactoryTest {

    private final SinkFactory factory = new SinkFactory();

    @Test
    void publishesAnyInAndNoOutputs() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::sink", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertTrue(definition.outputs().isEmpty());
        assertEquals(List.of("core", "utility"), definition.categories());
        assertTrue(definition.params().properties().isEmpty());
    }

    @Test
    void createsSinkNode() throws Exception {
        assertInstanceOf(SinkNode.class, factory.create(Params.EMPTY, TestNodeContext.noFiles()));
    }
}
