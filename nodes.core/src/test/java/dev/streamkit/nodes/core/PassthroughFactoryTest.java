package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassthroughFactoryTest {

    private final PassthroughFactory factory = new PassthroughFactory();

    @Test
    void publishesAnyInToPassthroughOut() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::passthrough", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.PASSTHROUGH)), definition.outputs());
        assertEquals(List.of("core", "utility"), definition.categories());
        assertTrue(definition.params().properties().isEmpty());
    }

    @Test
    void createsPassthroughNode() throws Exception {
        assertInstanceOf(PassthroughNode.class, factory.create(Params.EMPTY, TestNodeContext.noFiles()));
    }
}
