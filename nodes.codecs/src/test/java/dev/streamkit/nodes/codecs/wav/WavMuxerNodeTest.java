package dev.streamkit.nodes.codecs.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavMuxerNodeTest {

    private static AudioFrame frame(int rate, int channels, float... samples) {
        return new AudioFrame(rate, channels, samples, PacketMetadata.timed(0, 0));
    }

    private static RecordingOutputs mux(PcmEncoding encoding, AudioFrame... frames) throws Exception {
        WavMuxerNode node = new WavMuxerNode(encoding);
        RecordingOutputs out = new RecordingOutputs();
        for (AudioFrame f : frames) node.onPacket("in", f, out);
        node.onInputEnd("in", out);
        return out;
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void writesStreamingHeaderFromFirstFrame() throws Exception {
        RecordingOutputs out = mux(PcmEncoding.INT16, frame(22_050, 2, 0f, 0f, 0.25f, -0.25f));
        ByteBuffer header = le(out.packets(BinaryPacket.class).get(0).data());
        assertEquals(44, header.capacity());
        assertEquals("RIFF", new String(header.array(), 0, 4));
        assertEquals(-1, header.getInt(4));
        assertEquals("WAVEfmt ", new String(header.array(), 8, 8));
        assertEquals(1, header.getShort(20));
        assertEquals(2, header.getShort(22));
        assertEquals(22_050, header.getInt(24));
        assertEquals(22_050 * 4, header.getInt(28));
        assertEquals(4, header.getShort(32));
        assertEquals(16, header.getShort(34));
        assertEquals("data", new String(header.array(), 36, 4));
        assertEquals(-1, header.getInt(40));
        out.packets(BinaryPacket.class).forEach(p -> assertEquals("audio/wav", p.contentType()));
        assertEquals("audio/wav", new WavMuxerNode(PcmEncoding.INT16).contentType());
        assertTrue(out.finished());
    }

    @Test
    void roundsAndClipsInt16() throws Exception {
        RecordingOutputs out = mux(PcmEncoding.INT16, frame(8_000, 1, 0.5f, 1.5f, -1.5f, -1f, Float.NaN, 0.6f / 32768));
        ByteBuffer data = le(out.packets(BinaryPacket.class).get(1).data());
        short[] values = new short[6];
        for (int i = 0; i < values.length; i++) values[i] = data.getShort(2 * i);
        assertArrayEquals(new short[] {16384, 32767, -32768, -32768, 0, 1}, values);
    }

    @Test
    void writesFloatThatTheDemuxerReadsBackExactly() throws Exception {
        float[] samples = {0.1f, -0.7f, 0.33333f, 1.25f};
        byte[] file = TestWavFiles.bytes(mux(PcmEncoding.FLOAT32, frame(96_000, 2, samples)));
        assertEquals(46 + 16, file.length);
        assertEquals(3, le(file).getShort(20));
        assertEquals(18, le(file).getInt(16));
        assertArrayEquals(samples, TestWavFiles.demux(file));
    }

    @Test
    void failsOnFormatChangeMidStream() throws Exception {
        RecordingOutputs out = mux(PcmEncoding.INT16, frame(48_000, 1, 0f), frame(48_000, 2, 0f, 0f));
        NodeException failure = out.failure();
        assertNotNull(failure);
        assertEquals(NodeException.Cause.INVALID_MEDIA, failure.failureCause());
        assertEquals(2, out.sent().size());
    }

    @Test
    void writesValidEmptyFileWhenNoAudioArrives() throws Exception {
        RecordingOutputs out = mux(PcmEncoding.INT16);
        byte[] file = TestWavFiles.bytes(out);
        assertEquals(44, file.length);
        assertEquals(36, le(file).getInt(4));
        assertEquals(48_000, le(file).getInt(24));
        assertEquals(1, le(file).getShort(22));
        assertEquals(0, le(file).getInt(40));
        RecordingOutputs demuxed = TestWavFiles.run(new WavDemuxerNode(), file, 44);
        assertTrue(demuxed.finished());
        assertTrue(demuxed.sent().isEmpty());
    }

    @Test
    void keepsFrameMetadataOnSamplePackets() throws Exception {
        AudioFrame timed = new AudioFrame(48_000, 1, new float[960], PacketMetadata.timed(40_000, 20_000));
        RecordingOutputs out = mux(PcmEncoding.INT16, timed);
        assertEquals(timed.metadata(), out.packets(BinaryPacket.class).get(1).metadata());
        assertEquals(1920, out.packets(BinaryPacket.class).get(1).data().length);
        assertTrue(Arrays.equals(new byte[1920], out.packets(BinaryPacket.class).get(1).data()));
    }
}
