package dev.streamkit.nodes.codecs.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WavDemuxerFactoryTest {

    private final WavDemuxerFactory factory = new WavDemuxerFactory();

    @Test
    void definitionDeclaresBinaryInAndRawAudioOut() {
        assertEquals("containers::wav::demuxer", factory.definition().kind());
        assertEquals(Map.of(), factory.definition().params().toJsonSchema(), "takes no parameters");
        assertEquals(List.of(PacketType.BINARY), factory.definition().inputs().get(0).acceptsTypes());
        assertEquals(PacketType.rawAudio(48_000, 2), factory.definition().outputs().get(0).producesType());
        assertEquals(List.of("containers", "wav"), factory.definition().categories());
    }

    @Test
    void createsDemuxer() {
        assertTrue(factory.create(Params.EMPTY, TestNodeContext.noFiles()) instanceof WavDemuxerNode);
    }
}
