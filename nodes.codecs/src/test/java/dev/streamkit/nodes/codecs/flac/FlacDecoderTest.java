package dev.streamkit.nodes.codecs.flac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import dev.streamkit.api.node.Params;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** audio::flac::decoder on files made by the ffmpeg CLI, whole, chunked, truncated and hostile. */
class FlacDecoderTest {

    /** 1.5 s of a 1 kHz sine of amplitude 0.5 on both channels, 44.1 kHz stereo 16-bit. */
    static final String STEREO_SINE = "aevalsrc=0.5*sin(2*PI*1000*t)|0.5*sin(2*PI*1000*t)";

    private static byte[] stereo16;

    @BeforeAll
    static void makeMedia() throws Exception {
        stereo16 = TestMedia.ffmpeg(STEREO_SINE + ":s=44100:d=1.5", 2, "flac");
    }

    private static RecordingOutputs decode(byte[] file, int chunk) throws Exception {
        return TestMedia.run(new FlacDecoderFactory().create(Params.EMPTY, new TestNodeContext(null, null)), file, chunk);
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 4096, 7, 1})
    void decodesRateChannelsDurationAndLevelWhateverTheChunking(int chunk) throws Exception {
        RecordingOutputs out = decode(stereo16, chunk);
        assertNull(out.failure());
        assertTrue(out.finished());
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertEquals(44_100, frames.get(0).sampleRate());
        assertEquals(2, frames.get(0).channels());
        assertEquals(960, frames.get(0).frameCount());
        float[] all = TestMedia.samples(frames);
        assertEquals(66_150 * 2, all.length);
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), TestMedia.rmsDb(all, 0, all.length), 0.1);
        AudioFrame last = frames.get(frames.size() - 1);
        assertEquals(1_500_000L, last.metadata().timestampUs() + last.metadata().durationUs());
    }

    @Test
    void streamsLargeChunksWithoutHoldingTheFileBack() throws Exception {
        byte[] file = TestMedia.ffmpeg("sine=frequency=440:sample_rate=44100:duration=20", 1, "flac");
        var node = new FlacDecoderFactory().create(Params.EMPTY, new TestNodeContext(null, null));
        RecordingOutputs out = new RecordingOutputs();
        for (int at = 0; at < file.length; at += 65_536) {
            node.onPacket("in", dev.streamkit.api.packet.BinaryPacket.of(Arrays.copyOfRange(file, at, Math.min(file.length, at + 65_536))), out);
        }
        int beforeEnd = TestMedia.samples(out.packets(AudioFrame.class)).length;
        node.onInputEnd("in", out);
        node.close();
        assertEquals(20 * 44_100, TestMedia.samples(out.packets(AudioFrame.class)).length);
        assertTrue(beforeEnd > 18 * 44_100, "emitted before the end: " + beforeEnd);
    }

    @Test
    void decodes24BitMonoAt96k() throws Exception {
        byte[] file = TestMedia.ffmpeg("sine=frequency=440:sample_rate=96000:duration=0.5", 1, "flac", "-sample_fmt", "s32");
        List<AudioFrame> frames = decode(file, 10_000).packets(AudioFrame.class);
        assertEquals(96_000, frames.get(0).sampleRate());
        assertEquals(1, frames.get(0).channels());
        float[] all = TestMedia.samples(frames);
        assertEquals(48_000, all.length);
        // ffmpeg's sine source has amplitude 1/8.
        assertEquals(20 * Math.log10(0.125 / Math.sqrt(2)), TestMedia.rmsDb(all, 0, all.length), 0.1);
    }

    @Test
    void truncatedFileGivesThePartialAudioAndFinishes() throws Exception {
        RecordingOutputs out = decode(Arrays.copyOf(stereo16, stereo16.length / 2), 3000);
        assertTrue(out.finished());
        int frames = TestMedia.samples(out.packets(AudioFrame.class)).length / 2;
        assertTrue(frames > 20_000 && frames < 50_000, "partial audio: " + frames);
    }

    @Test
    void randomBytesFailFastAsInvalidMedia() throws Exception {
        byte[] random = new byte[1 << 20];
        new Random(1).nextBytes(random);
        long start = System.nanoTime();
        RecordingOutputs out = decode(random, 8192);
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }

    @Test
    void randomBytesAfterAValidHeaderFailAtEndWithoutHanging() throws Exception {
        byte[] noise = new byte[3 << 20];
        new Random(2).nextBytes(noise);
        byte[] file = Arrays.copyOf(stereo16, 42 + noise.length);
        System.arraycopy(noise, 0, file, 42, noise.length);
        file[4] = (byte) 0x80; // STREAMINFO becomes the last metadata block
        RecordingOutputs out = decode(file, 65_536);
        assertNotNull(out.failure());
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
    }

    @Test
    void emptyInputIsInvalidMedia() throws Exception {
        RecordingOutputs out = decode(new byte[0], 1);
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
    }
}
