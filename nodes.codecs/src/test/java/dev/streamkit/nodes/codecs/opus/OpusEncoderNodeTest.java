package dev.streamkit.nodes.codecs.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import dev.streamkit.nodes.codecs.opusformat.OpusToc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpusEncoderNodeTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void oneSecondMakesFiftyPacketsOf20msTimedFromSamplePosition(OpusCodec codec) throws Exception {
        OpusEncoderNode node = new OpusEncoderNode(codec, 64_000);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", new AudioFrame(48_000, 1, TestMedia.sine(48_000, 1, 1_000, 48_000, 0.5), PacketMetadata.timed(1_000_000, 1_000_000)), out);
        node.onInputEnd("in", out);
        node.close();

        List<BinaryPacket> packets = out.packets(BinaryPacket.class);
        assertTrue(out.finished());
        assertEquals(50, packets.size());
        for (int i = 0; i < packets.size(); i++) {
            BinaryPacket p = packets.get(i);
            assertEquals(1_000_000L + i * 20_000L, p.metadata().timestampUs());
            assertEquals(20_000L, p.metadata().durationUs());
            assertEquals(960, OpusToc.samples(p.data()));
            assertNull(p.contentType());
        }
        assertEquals("audio/opus", node.contentType());
        int bytes = packets.stream().mapToInt(p -> p.data().length).sum();
        assertEquals(8_000, bytes, 2_000, "about 64 kb/s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void zeroPadsTheShortLastFrame(OpusCodec codec) throws Exception {
        OpusEncoderNode node = new OpusEncoderNode(codec, 32_000);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", new AudioFrame(48_000, 2, new float[1_000 * 2], null), out);
        node.onInputEnd("in", out);
        node.close();
        assertEquals(2, out.packets(BinaryPacket.class).size());
        assertTrue(out.finished());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void rejectsOtherRatesAndChannelChanges(OpusCodec codec) throws Exception {
        OpusEncoderNode node = new OpusEncoderNode(codec, 64_000);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", new AudioFrame(44_100, 1, new float[960], null), out);
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
        node.close();

        OpusEncoderNode again = new OpusEncoderNode(codec, 64_000);
        RecordingOutputs out2 = new RecordingOutputs();
        again.onPacket("in", new AudioFrame(48_000, 1, new float[960], null), out2);
        again.onPacket("in", new AudioFrame(48_000, 2, new float[960 * 2], null), out2);
        assertEquals(NodeException.Cause.INVALID_MEDIA, out2.failure().failureCause());
        again.close();
    }
}
