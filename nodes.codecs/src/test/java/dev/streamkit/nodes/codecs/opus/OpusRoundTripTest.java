package dev.streamkit.nodes.codecs.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our encoder into our decoder, for every pair of backends (so each decodes the other's packets): level,
 * duration and framing survive. Also prints each backend's cost per 20 ms frame.
 */
class OpusRoundTripTest {

    private static final int SECONDS = 2;

    private static List<BinaryPacket> encode(OpusCodec codec, float[] samples, int channels, int chunk) throws Exception {
        OpusEncoderNode encoder = new OpusEncoderNode(codec, 64_000);
        RecordingOutputs out = new RecordingOutputs();
        for (int at = 0; at < samples.length; at += chunk * channels) {
            float[] part = java.util.Arrays.copyOfRange(samples, at, Math.min(samples.length, at + chunk * channels));
            encoder.onPacket("in", new AudioFrame(48_000, channels, part, PacketMetadata.NONE), out);
        }
        encoder.onInputEnd("in", out);
        encoder.close();
        assertTrue(out.finished());
        return out.packets(BinaryPacket.class);
    }

    private static List<AudioFrame> decode(OpusCodec codec, List<BinaryPacket> packets) throws Exception {
        OpusDecoderNode decoder = new OpusDecoderNode(codec);
        RecordingOutputs out = new RecordingOutputs();
        for (BinaryPacket p : packets) decoder.onPacket("in", p, out);
        decoder.onInputEnd("in", out);
        decoder.close();
        assertTrue(out.finished());
        return out.packets(AudioFrame.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#pairs")
    void sineKeepsLevelDurationAndFraming(OpusCodec encoder, OpusCodec decoder) throws Exception {
        float[] sine = TestMedia.sine(48_000, 1, 1_000, 48_000 * SECONDS, 0.5);
        List<BinaryPacket> packets = encode(encoder, sine, 1, 441);
        List<AudioFrame> frames = decode(decoder, packets);

        assertEquals(50 * SECONDS, frames.size());
        for (AudioFrame f : frames) {
            assertEquals(48_000, f.sampleRate());
            assertEquals(1, f.channels());
            assertEquals(960, f.frameCount());
            assertEquals(20_000L, f.metadata().durationUs());
        }
        float[] decoded = TestMedia.samples(frames);
        assertEquals(sine.length, decoded.length, 960, "duration within 20 ms");
        // Skip the encoder's start-up (pre-skip, 6.5 ms) and measure the steady part.
        double in = TestMedia.rmsDb(sine, 4_800, sine.length - 4_800);
        double out = TestMedia.rmsDb(decoded, 4_800, decoded.length - 4_800);
        assertEquals(in, out, 0.5, "level within 0.5 dB");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#pairs")
    void stereoStreamDecodesToMono(OpusCodec encoder, OpusCodec decoder) throws Exception {
        float[] sine = TestMedia.sine(48_000, 2, 440, 48_000, 0.25);
        List<AudioFrame> frames = decode(decoder, encode(encoder, sine, 2, 960));
        assertEquals(50, frames.size());
        assertEquals(1, frames.get(0).channels());
        float[] decoded = TestMedia.samples(frames);
        assertEquals(TestMedia.rmsDb(sine, 9_600, sine.length - 9_600), TestMedia.rmsDb(decoded, 4_800, decoded.length - 4_800), 0.5);
    }

    /** Not asserted: the cost per frame after a warm-up of 500 frames, over 3000 frames (60 s). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.streamkit.nodes.codecs.opus.OpusTestCodecs#all")
    void reportsCostPerFrame(OpusCodec codec) throws Exception {
        float[] warmUp = TestMedia.sine(48_000, 1, 300, 960 * 500, 0.3);
        decode(codec, encode(codec, warmUp, 1, 960));
        float[] speechLike = TestMedia.sine(48_000, 1, 300, 960 * 3_000, 0.3);
        long t0 = System.nanoTime();
        List<BinaryPacket> packets = encode(codec, speechLike, 1, 960);
        long t1 = System.nanoTime();
        decode(codec, packets);
        long t2 = System.nanoTime();
        System.out.printf("Opus mono 64 kb/s, %s: encode %.1f us, decode %.1f us per 20 ms frame (%d frames)%n",
                codec, (t1 - t0) / 1e3 / packets.size(), (t2 - t1) / 1e3 / packets.size(), packets.size());
        assertEquals(3_000, packets.size());
    }
}
