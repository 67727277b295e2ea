package dev.streamkit.nodes.codecs.mp3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import dev.streamkit.nodes.codecs.ffmpeg.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gapless MP3: the Xing/Info frame is not audio, and the LAME tag's encoder delay and padding are trimmed, so
 * the decoded length matches the ffmpeg command line's; without a Xing frame every frame is audio.
 */
class Mp3GaplessTest {

    private static final String SINE = "sine=frequency=440:sample_rate=%d:duration=6";
    private static final int TOLERANCE = 2;

    @ParameterizedTest
    @CsvSource({"44100, 1, 1000", "44100, 2, 1000", "44100, 2, 1", "44100, 1, 1048576", "22050, 1, 777", "22050, 2, 777"})
    void lameFileDecodesToFfmpegsLength(int rate, int channels, int chunk) throws Exception {
        byte[] file = TestMedia.ffmpeg(SINE.formatted(rate), channels, "mp3", "-b:a", "64k");
        int frames = decodedFrames(file, channels, chunk);
        assertEquals(ffmpegDecodedFrames(file, channels), frames, TOLERANCE, "decoded sample frames vs ffmpeg");
        assertEquals(6 * rate, frames, TOLERANCE, "the source length");
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void fileWithoutXingFrameDecodesEveryFrame(int channels) throws Exception {
        byte[] file = TestMedia.ffmpeg(SINE.formatted(44_100), channels, "mp3", "-b:a", "128k", "-write_xing", "0");
        int frames = decodedFrames(file, channels, 4096);
        assertEquals(0, frames % 1152, "whole MPEG-1 layer III frames: " + frames);
        assertEquals(ffmpegDecodedFrames(file, channels), frames, TOLERANCE, "decoded sample frames vs ffmpeg");
    }

    /** Decodes with audio::mp3::decoder; checks the timestamps run from 0 without gaps. */
    private static int decodedFrames(byte[] file, int channels, int chunk) throws Exception {
        RecordingOutputs out = TestMedia.run(new Mp3DecoderFactory().create(Params.EMPTY, new TestNodeContext(null, null)), file, chunk);
        assertNull(out.failure());
        assertTrue(out.finished());
        List<AudioFrame> packets = out.packets(AudioFrame.class);
        assertEquals(channels, packets.get(0).channels());
        long expectedUs = 0;
        for (AudioFrame packet : packets) {
            assertEquals(expectedUs, packet.metadata().timestampUs().longValue(), "contiguous timestamps from 0");
            expectedUs += packet.metadata().durationUs();
        }
        return TestMedia.samples(packets).length / channels;
    }

    /** Sample frames the ffmpeg command line decodes from {@code file} ({@code -f s16le} byte count). */
    private static int ffmpegDecodedFrames(byte[] file, int channels) throws Exception {
        Path path = Files.createTempFile("skit-mp3", ".mp3");
        try {
            Files.write(path, file);
            Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "error", "-i", path.toString(), "-f", "s16le", "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long bytes = process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "ffmpeg decode failed");
            return (int) (bytes / 2 / channels);
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
