package dev.streamkit.nodes.codecs.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpusDecoderNodeTest {

    private static List<BinaryPacket> validPackets(OpusCodec codec) throws Exception {
        OpusEncoderNode encoder = new OpusEncoderNode(codec, 64_000);
        RecordingOutputs out = new RecordingOutputs();
        encoder.onPacket("in", new AudioFrame(48_000, 1, TestMedia.sine(48_000, 1, 1_000, 4_800, 0.5), null), out);
        encoder.onInputEnd("in", out);
        encoder.close();
        return out.packets(BinaryPacket.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void skipsAndCountsImpossiblePacketsAndKeepsRunning(OpusCodec codec) throws Exception {
        List<BinaryPacket> valid = validPackets(codec);
        byte[] random = new byte[200];
        new Random(7).nextBytes(random);
        byte[][] hostile = {
            {},                                // empty
            {(byte) 0xFB, 0x00},               // code 3, zero frames
            {(byte) 0xFB},                     // code 3 without its count byte
            {(byte) 0x1B, 0x03, 1, 2, 3},      // 3 x 60 ms SILK = 180 ms > 120 ms
            {(byte) 0xFB, 0x3F, 0, 0, 0, 0},   // 63 x 20 ms
        };
        OpusDecoderNode node = new OpusDecoderNode(codec);
        RecordingOutputs out = new RecordingOutputs();
        node.onPacket("in", BinaryPacket.of("OpusHead\1\1\0\0\u0080\u00bb\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)), out);
        node.onPacket("in", BinaryPacket.of("OpusTags....".getBytes(StandardCharsets.US_ASCII)), out);
        node.onPacket("in", valid.get(0), out);
        for (byte[] h : hostile) node.onPacket("in", BinaryPacket.of(h), out);
        for (BinaryPacket p : valid.subList(1, valid.size())) node.onPacket("in", p, out);
        node.onInputEnd("in", out);
        long invalid = node.invalidPackets();
        node.close();

        assertEquals(hostile.length, invalid);
        assertTrue(out.finished());
        assertNull(out.failure());
        assertEquals(valid.size(), out.packets(AudioFrame.class).size());
        assertTrue(out.states().contains(NodeState.degraded(hostile.length + " invalid Opus packets skipped")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void keepsShortValidPacketsAndPreservesMetadata(OpusCodec codec) throws Exception {
        OpusDecoderNode node = new OpusDecoderNode(codec);
        RecordingOutputs out = new RecordingOutputs();
        // A 1-byte CELT 20 ms packet (config 31, code 0): a valid "lost/silence" frame.
        node.onPacket("in", new BinaryPacket(new byte[] {(byte) 0xF8}, null, new PacketMetadata(40_000L, 20_000L, 2L)), out);
        node.onPacket("in", new BinaryPacket(new byte[] {(byte) 0xF8}, null, PacketMetadata.NONE), out);
        node.close();
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(2, frames.size());
        assertEquals(new PacketMetadata(40_000L, 20_000L, 2L), frames.get(0).metadata());
        assertEquals(960, frames.get(0).frameCount());
        assertEquals(20_000L, frames.get(1).metadata().durationUs());
    }
}
