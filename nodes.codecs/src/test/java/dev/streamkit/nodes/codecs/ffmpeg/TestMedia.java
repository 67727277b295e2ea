package dev.streamkit.nodes.codecs.ffmpeg;

import static org.junit.jupiter.api.Assertions.fail;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.testkit.RecordingOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Media made in the test: sines, files encoded by the ffmpeg command line, and level measurements. */
public final class TestMedia {

    private TestMedia() {
    }

    /**
     * Runs the {@code ffmpeg} CLI to make a file from a lavfi source, e.g.
     * {@code ffmpeg("sine=frequency=1000:sample_rate=44100:duration=1", 2, "flac")}. Fails (never skips)
     * when ffmpeg is not installed.
     */
    public static byte[] ffmpeg(String lavfiSource, int channels, String format, String... codecArgs) throws Exception {
        Path file = Files.createTempFile("skit-media", "." + format);
        try {
            List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", lavfiSource,
                    "-ac", String.valueOf(channels)));
            cmd.addAll(Arrays.asList(codecArgs));
            cmd.add(file.toString());
            Process process;
            try {
                process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            } catch (IOException e) {
                fail("the ffmpeg command line tool is required by this test (apt-get install ffmpeg): " + e.getMessage());
                return null;
            }
            String log = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) fail("ffmpeg failed: " + cmd + "\n" + log);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A sine of {@code amplitude} at {@code frequency}, interleaved on every channel. */
    public static float[] sine(int rate, int channels, double frequency, int frames, double amplitude) {
        float[] s = new float[frames * channels];
        for (int i = 0; i < frames; i++) {
            float v = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
            for (int c = 0; c < channels; c++) s[i * channels + c] = v;
        }
        return s;
    }

    /** RMS level in dBFS of {@code samples[from, to)}. */
    public static double rmsDb(float[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += samples[i] * (double) samples[i];
        return 10 * Math.log10(sum / (to - from));
    }

    /** All samples of the frames, concatenated. */
    public static float[] samples(List<AudioFrame> frames) {
        int n = frames.stream().mapToInt(f -> f.samples().length).sum();
        float[] all = new float[n];
        int at = 0;
        for (AudioFrame f : frames) {
            System.arraycopy(f.samples(), 0, all, at, f.samples().length);
            at += f.samples().length;
        }
        return all;
    }

    /** Feeds {@code file} to {@code node} in chunks of {@code chunkSize}, ends the input and closes the node. */
    public static RecordingOutputs run(Node node, byte[] file, int chunkSize) throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        try {
            for (int at = 0; at < file.length && out.failure() == null; at += chunkSize) {
                node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(file, at, Math.min(file.length, at + chunkSize))), out);
            }
            if (out.failure() == null) node.onInputEnd("in", out);
        } finally {
            node.close();
        }
        return out;
    }
}
