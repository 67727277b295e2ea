package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OggMuxerFactoryTest {

    private final OggMuxerFactory factory = new OggMuxerFactory();

    @SuppressWarnings("unchecked")
    private Map<String, Object> property(String name) {
        Map<String, Object> props = (Map<String, Object>) factory.definition().params().toJsonSchema().get("properties");
        return (Map<String, Object>) props.get(name);
    }

    @Test
    void schemaDocumentsEveryParamWithDefaults() {
        assertEquals(0, property("stream_serial").get("default"));
        assertEquals(0L, property("stream_serial").get("minimum"));
        assertEquals(List.of("opus"), property("codec").get("enum"));
        assertEquals(1, property("channels").get("default"));
        assertEquals(2L, property("channels").get("maximum"));
        assertEquals(65_536, property("chunk_size").get("default"));
        assertEquals(1L, property("chunk_size").get("minimum"));
        assertEquals(List.of("containers", "ogg"), factory.definition().categories());
        assertEquals(PacketType.OPUS_AUDIO, factory.definition().inputs().get(0).acceptsTypes().get(0));
    }

    @Test
    void missingParamsObjectMeansDefaults() throws Exception {
        assertEquals("audio/ogg", factory.create(Params.EMPTY, TestNodeContext.noFiles()).contentType());
    }

    @Test
    void acceptsFullParams() throws Exception {
        Map<String, Object> p = Map.of("stream_serial", 4_000_000_000L, "codec", "opus", "channels", 2, "chunk_size", 10);
        assertEquals("audio/ogg", factory.create(Params.of(p), TestNodeContext.noFiles()).contentType());
    }

    @Test
    void rejectsUnsupportedCodecAndChannels() {
        NodeException codec = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("codec", "vorbis")), TestNodeContext.noFiles()));
        assertEquals("codec", codec.field());
        NodeException channels = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("channels", 3)), TestNodeContext.noFiles()));
        assertEquals("channels", channels.field());
    }
}
