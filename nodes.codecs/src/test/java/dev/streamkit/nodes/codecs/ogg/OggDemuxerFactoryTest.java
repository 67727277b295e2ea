package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OggDemuxerFactoryTest {

    private final OggDemuxerFactory factory = new OggDemuxerFactory();

    @Test
    void declaresBinaryInOpusOutWithoutParams() {
        assertEquals("containers::ogg::demuxer", factory.definition().kind());
        assertEquals(List.of(PacketType.BINARY), factory.definition().inputs().get(0).acceptsTypes());
        assertEquals(PacketType.OPUS_AUDIO, factory.definition().outputs().get(0).producesType());
        assertEquals(List.of("containers", "ogg"), factory.definition().categories());
        assertEquals(Map.of(), factory.definition().params().toJsonSchema());
    }

    @Test
    void createsDemuxerWithoutContentType() throws Exception {
        assertNull(factory.create(Params.EMPTY, TestNodeContext.noFiles()).contentType());
    }
}
