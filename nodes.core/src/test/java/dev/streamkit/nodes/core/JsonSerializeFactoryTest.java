package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSerializeFactoryTest {

    private final JsonSerializeFactory factory = new JsonSerializeFactory();

    @Test
    void publishesAnyInToBinaryOutWithBooleanParams() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::json_serialize", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.ANY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.BINARY)), definition.outputs());
        assertEquals(List.of("core", "serialization"), definition.categories());
        assertEquals(List.of("pretty", "newline_delimited"), List.copyOf(definition.params().properties().keySet()));
        definition.params().properties().values().forEach(spec -> assertEquals(false, spec.defaultValue()));
    }

    @Test
    void appliesParams() throws Exception {
        assertEquals("{\"Text\":\"x\"}", serialize(Params.EMPTY));
        assertEquals("{\n  \"Text\": \"x\"\n}\n", serialize(Params.of(Map.of("pretty", true, "newline_delimited", true))));
    }

    private String serialize(Params params) throws Exception {
        Node node = factory.create(params, TestNodeContext.noFiles());
        var out = new RecordingOutputs();
        node.onPacket("in", new TextPacket("x", null), out);
        return new String(out.packets(BinaryPacket.class).get(0).data(), StandardCharsets.UTF_8);
    }
}
