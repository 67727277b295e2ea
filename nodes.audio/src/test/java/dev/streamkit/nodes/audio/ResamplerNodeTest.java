package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplerNodeTest {

    /** Runs {@code frames} through a fresh resampler and returns what it emitted. */
    private static RecordingOutputs run(ResamplerNode node, List<AudioFrame> frames) throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        for (AudioFrame f : frames) node.onPacket("in", f, out);
        node.onInputEnd("in", out);
        return out;
    }

    private static List<AudioFrame> resample(List<AudioFrame> frames, int target) throws Exception {
        return run(new ResamplerNode(target, 960, 960), frames).packets(AudioFrame.class);
    }

    /** Asserts a clean 1 kHz sine of amplitude 0.5, measured away from the stream edges. */
    private static void assertCleanSine(float[] mono, int rate) {
        int from = rate / 10;
        int to = mono.length - rate / 10;
        assertEquals(1000.0, TestSignals.zeroCrossingHz(mono, from, to, rate), 0.5);
        double[] fit = TestSignals.sineFit(mono, from, to, rate, 1000);
        assertEquals(0.0, TestSignals.db(fit[0] / 0.5), 0.5, "level change in dB");
        assertTrue(fit[1] < -50, "distortion+noise " + fit[1] + " dB");
    }

    @Test
    void keepsSineThrough48kTo16kTo48k() throws Exception {
        float[] sine = TestSignals.sine(48_000, 1, 1000, 0.5, 48_000);
        List<AudioFrame> down = resample(TestSignals.frames(48_000, 1, sine, 960), 16_000);
        down.forEach(f -> assertEquals(16_000, f.sampleRate()));
        assertCleanSine(TestSignals.concat(down), 16_000);

        List<AudioFrame> back = resample(down, 48_000);
        float[] result = TestSignals.concat(back);
        assertCleanSine(result, 48_000);
        assertTrue(Math.abs(result.length - sine.length) <= 960, "duration within one frame");
    }

    @Test
    void keepsSineThrough48kTo44100() throws Exception {
        float[] sine = TestSignals.sine(48_000, 1, 1000, 0.5, 48_000);
        float[] result = TestSignals.concat(resample(TestSignals.frames(48_000, 1, sine, 960), 44_100));
        assertCleanSine(result, 44_100);
        assertTrue(Math.abs(result.length - 44_100) <= 960);
    }

    @Test
    void keepsChannelsApart() throws Exception {
        float[] left = TestSignals.sine(44_100, 1, 1000, 0.5, 44_100);
        float[] stereo = new float[left.length * 2];
        for (int i = 0; i < left.length; i++) stereo[2 * i] = left[i];
        List<AudioFrame> frames = resample(TestSignals.frames(44_100, 2, stereo, 441), 48_000);

        float[] result = TestSignals.concat(frames);
        frames.forEach(f -> assertEquals(2, f.channels()));
        assertCleanSine(TestSignals.channel(result, 2, 0), 48_000);
        float[] right = TestSignals.channel(result, 2, 1);
        assertEquals(0.0, TestSignals.peak(right, 0, right.length), 1e-6);
    }

    @Test
    void emitsFramesOfExactSizeAndShorterLast() throws Exception {
        float[] noise = TestSignals.noise(5, 0.5, 16_000 * 2);
        List<AudioFrame> frames = run(new ResamplerNode(48_000, 256, 1000), TestSignals.frames(16_000, 2, noise, 320))
                .packets(AudioFrame.class);
        for (int i = 0; i < frames.size() - 1; i++) assertEquals(1000, frames.get(i).frameCount());
        int total = frames.stream().mapToInt(AudioFrame::frameCount).sum();
        assertEquals(48_000, total);
        assertEquals(48_000 % 1000 == 0 ? 1000 : 48_000 % 1000, frames.get(frames.size() - 1).frameCount());
    }

    @Test
    void variableFrameSizeEmitsWhateverEachInputProduces() throws Exception {
        float[] noise = TestSignals.noise(6, 0.5, 4_800);
        RecordingOutputs out = run(new ResamplerNode(16_000, 960, 0), TestSignals.frames(48_000, 1, noise, 480));
        List<AudioFrame> frames = out.packets(AudioFrame.class);
        assertTrue(frames.size() > 1);
        assertEquals(1_600, frames.stream().mapToInt(AudioFrame::frameCount).sum());
    }

    @Test
    void timesOutputFromSamplePositionAfterFirstTimestamp() throws Exception {
        float[] noise = TestSignals.noise(7, 0.5, 4_410);
        List<AudioFrame> in = TestSignals.frames(44_100, 1, noise, 441).stream()
                .map(f -> new AudioFrame(f.sampleRate(), f.channels(), f.samples(),
                        PacketMetadata.timed(f.metadata().timestampUs() + 2_000_000, f.metadata().durationUs())))
                .toList();
        List<AudioFrame> frames = run(new ResamplerNode(48_000, 960, 480), in).packets(AudioFrame.class);

        long position = 0;
        for (AudioFrame f : frames) {
            assertEquals(2_000_000 + position * 1_000_000 / 48_000, f.metadata().timestampUs());
            assertEquals(f.frameCount() * 1_000_000L / 48_000, f.metadata().durationUs());
            position += f.frameCount();
        }
        assertEquals(4_800, position);
    }

    @Test
    void passesThroughAtTargetRate() throws Exception {
        AudioFrame frame = TestSignals.frames(48_000, 2, TestSignals.noise(8, 0.5, 1_000), 500).get(0);
        RecordingOutputs out = run(new ResamplerNode(48_000, 960, 960), List.of(frame));
        assertSame(frame, out.packets(AudioFrame.class).get(0));
        assertTrue(out.finished());
    }

    @Test
    void restartsWhenInputRateChanges() throws Exception {
        ResamplerNode node = new ResamplerNode(48_000, 960, 960);
        RecordingOutputs out = new RecordingOutputs();
        for (AudioFrame f : TestSignals.frames(16_000, 1, TestSignals.sine(16_000, 1, 1000, 0.5, 8_000), 320)) {
            node.onPacket("in", f, out);
        }
        for (AudioFrame f : TestSignals.frames(24_000, 2, TestSignals.sine(24_000, 2, 1000, 0.5, 12_000), 480)) {
            node.onPacket("in", f, out);
        }
        node.onInputEnd("in", out);

        List<AudioFrame> frames = out.packets(AudioFrame.class);
        int mono = frames.stream().filter(f -> f.channels() == 1).mapToInt(AudioFrame::frameCount).sum();
        int stereo = frames.stream().filter(f -> f.channels() == 2).mapToInt(AudioFrame::frameCount).sum();
        assertEquals(24_000, mono);
        assertEquals(24_000, stereo);
        frames.forEach(f -> assertEquals(48_000, f.sampleRate()));
        assertEquals(1_000_000L, frames.get(frames.size() - 1).metadata().timestampUs()
                + frames.get(frames.size() - 1).metadata().durationUs());
        assertTrue(out.finished());
    }
}
