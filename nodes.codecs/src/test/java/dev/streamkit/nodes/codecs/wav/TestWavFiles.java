package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.testkit.RecordingOutputs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Builds WAV files chunk by chunk in tests, including malformed ones, and runs bytes through nodes. */
final class TestWavFiles {

    private TestWavFiles() {
    }

    /** A RIFF/WAVE file of {@code chunks}, with a correct RIFF size. */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        for (byte[] c : chunks) body.writeBytes(c);
        return concat(ascii("RIFF"), le32(body.size()), body.toByteArray());
    }

    /** A chunk with its header and, for odd sizes, the pad byte. */
    static byte[] chunk(String id, byte[] body) {
        byte[] pad = new byte[body.length & 1];
        return concat(ascii(id), le32(body.length), body, pad);
    }

    /** A chunk header declaring {@code size} bytes, without the body. */
    static byte[] chunkHeader(String id, long size) {
        return concat(ascii(id), le32((int) size));
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, bits, channels * bits / 8));
    }

    static byte[] fmtBody(int tag, int channels, int rate, int bits, int blockAlign) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag).putShort((short) channels)
                .putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
    }

    /** A WAVE_FORMAT_EXTENSIBLE fmt chunk with sub-format {@code subTag} (1 PCM, 3 float). */
    static byte[] extensibleFmt(int subTag, int channels, int rate, int bits) {
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(fmtBody(0xFFFE, channels, rate, bits, channels * bits / 8));
        b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
        b.putShort((short) subTag).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38,
                (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    /** Little-endian int16 samples from a seeded random source. */
    static byte[] randomInt16(long seed, int samples) {
        Random random = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) b.putShort((short) random.nextInt(65536));
        return b.array();
    }

    /** A sine as little-endian float32 samples, same value on every channel. */
    static byte[] sineFloat32(int rate, int channels, double hz, int frames) {
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) b.putFloat((float) (0.5 * Math.sin(2 * Math.PI * hz * f / rate)));
        }
        return b.array();
    }

    /** Feeds {@code bytes} in pieces of {@code pieceSize} and then ends the input. */
    static RecordingOutputs run(Node node, byte[] bytes, int pieceSize) throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        feed(node, out, bytes, pieceSize);
        node.onInputEnd("in", out);
        return out;
    }

    static void feed(Node node, RecordingOutputs out, byte[] bytes, int pieceSize) throws Exception {
        for (int at = 0; at < bytes.length; at += pieceSize) {
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + pieceSize))), out);
        }
    }

    /** Demuxes {@code file} and returns every sample emitted. */
    static float[] demux(byte[] file) throws Exception {
        return samples(run(new WavDemuxerNode(), file, 4096).packets(AudioFrame.class));
    }

    static float[] samples(List<AudioFrame> frames) {
        int total = frames.stream().mapToInt(f -> f.samples().length).sum();
        float[] out = new float[total];
        int at = 0;
        for (AudioFrame f : frames) {
            System.arraycopy(f.samples(), 0, out, at, f.samples().length);
            at += f.samples().length;
        }
        return out;
    }

    /** The concatenated bytes of every binary packet emitted. */
    static byte[] bytes(RecordingOutputs out) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        out.packets(BinaryPacket.class).forEach(p -> all.writeBytes(p.data()));
        return all.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) all.writeBytes(p);
        return all.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
