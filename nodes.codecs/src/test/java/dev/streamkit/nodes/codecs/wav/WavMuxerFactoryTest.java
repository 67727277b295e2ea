package dev.streamkit.nodes.codecs.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavMuxerFactoryTest {

    private final WavMuxerFactory factory = new WavMuxerFactory();

    @Test
    @SuppressWarnings("unchecked")
    void schemaDocumentsBitsPerSample() {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        Map<String, Object> bits = (Map<String, Object>) props.get("bits_per_sample");
        assertEquals("integer", bits.get("type"));
        assertEquals(List.of(16, 32), bits.get("enum"));
        assertEquals(16, bits.get("default"));
        assertEquals(List.of("containers", "wav"), factory.definition().categories());
        assertEquals(PacketType.BINARY, factory.definition().outputs().get(0).producesType());
    }

    @Test
    void createsNodeThatDeclaresWavContentType() throws Exception {
        assertEquals("audio/wav", factory.create(Params.EMPTY, TestNodeContext.noFiles()).contentType());
        assertEquals("audio/wav", factory.create(Params.of(Map.of("bits_per_sample", 32)), TestNodeContext.noFiles())
                .contentType());
    }

    @Test
    void rejectsUnsupportedWidth() {
        NodeException e = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("bits_per_sample", 24)), TestNodeContext.noFiles()));
        assertEquals("bits_per_sample", e.field());
    }
}
