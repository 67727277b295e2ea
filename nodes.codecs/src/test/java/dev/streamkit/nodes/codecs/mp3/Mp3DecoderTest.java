package dev.streamkit.nodes.codecs.mp3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** audio::mp3::decoder on files made by the ffmpeg CLI (libmp3lame, with an ID3v2 tag). */
class Mp3DecoderTest {

    private static byte[] stereo;

    @BeforeAll
    static void makeMedia() throws Exception {
        stereo = TestMedia.ffmpeg("aevalsrc=0.5*sin(2*PI*1000*t)|0.5*sin(2*PI*1000*t):s=44100:d=2", 2, "mp3",
                "-b:a", "128k", "-metadata", "title=StreamKit test tone");
    }

    private static RecordingOutputs decode(byte[] file, int chunk) throws Exception {
        return TestMedia.run(new Mp3DecoderFactory().create(Params.EMPTY, new TestNodeContext(null, null)), file, chunk);
    }

    @Test
    void fileStartsWithAnId3Tag() {
        assertEquals("ID3", new String(stereo, 0, 3));
    }

    @Test
    void decodesRateChannelsDurationAndLevel() throws Exception {
        for (int chunk : new int[] {1 << 20, 1000, 1}) {
            RecordingOutputs out = decode(stereo, chunk);
            assertNull(out.failure());
            assertTrue(out.finished());
            List<AudioFrame> frames = out.packets(AudioFrame.class);
            assertEquals(44_100, frames.get(0).sampleRate());
            assertEquals(2, frames.get(0).channels());
            float[] all = TestMedia.samples(frames);
            // MP3 adds encoder delay and padding (whole 1152-sample frames): within 100 ms of 2 s.
            assertEquals(88_200, all.length / 2, 4_410, "duration");
            assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), TestMedia.rmsDb(all, 8_820, 8_820 * 9), 0.5);
            long durations = frames.stream().mapToLong(f -> f.metadata().durationUs()).sum();
            assertEquals(all.length / 2 * 1_000_000L / 44_100, durations, frames.size());
        }
    }

    @Test
    void truncatedFileGivesThePartialAudioAndFinishes() throws Exception {
        RecordingOutputs out = decode(Arrays.copyOf(stereo, stereo.length / 2), 5000);
        assertTrue(out.finished());
        int frames = TestMedia.samples(out.packets(AudioFrame.class)).length / 2;
        assertTrue(frames > 30_000 && frames < 60_000, "partial audio: " + frames);
    }

    @Test
    void randomBytesFailQuicklyAsInvalidMedia() throws Exception {
        byte[] random = new byte[1 << 20];
        new Random(3).nextBytes(random);
        long start = System.nanoTime();
        RecordingOutputs out = decode(random, 16_384);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause(), "decoded " + out.sent().size() + " frames");
        assertTrue(ms < 1_000, ms + " ms");
    }

    @Test
    void endlessGarbageFailsAfterTheBoundNotAtTheEnd() throws Exception {
        byte[] zeros = new byte[6 << 20];
        RecordingOutputs out = decode(zeros, 1 << 16);
        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
        assertTrue(out.failure().getMessage().contains("bytes"), out.failure().getMessage());
    }
}
