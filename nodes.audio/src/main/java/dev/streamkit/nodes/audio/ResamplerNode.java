package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;

/**
 * {@code audio::resampler}: converts raw audio to {@code targetRate}, keeping the channel count, and
 * re-chunks the result into frames of exactly {@code outputFrameSize} sample frames (the last frame of
 * the stream may be shorter; {@code 0} emits whatever each input produced).
 *
 * <p>Timing: emitted frames carry {@code timestamp_us} from their output sample position, counted from
 * the first input frame's timestamp (0 if it has none), and {@code duration_us} from their length.
 * Input already at the target rate passes through untouched. When the input's rate or channel count
 * changes mid-stream, the audio buffered so far is flushed and the converter restarts; the timeline
 * continues.
 */
final class ResamplerNode implements Node {

    static final String TARGET_SAMPLE_RATE = "target_sample_rate";
    static final String CHUNK_FRAMES = "chunk_frames";
    static final String OUTPUT_FRAME_SIZE = "output_frame_size";
    static final int DEFAULT_TARGET_SAMPLE_RATE = 48_000;
    static final int DEFAULT_CHUNK_FRAMES = 960;
    static final int DEFAULT_OUTPUT_FRAME_SIZE = 960;

    private final int targetRate;
    private final int chunkFrames;
    private final int outputFrameSize;
    private final SampleClock clock;

    private int inputRate;
    private int channels;
    /** {@code null} while passing through (input already at the target rate) or before the first frame. */
    private SincResampler resampler;
    private SampleFifo pending;

    ResamplerNode(int targetRate, int chunkFrames, int outputFrameSize) {
        this.targetRate = targetRate;
        this.chunkFrames = chunkFrames;
        this.outputFrameSize = outputFrameSize;
        this.clock = new SampleClock(targetRate);
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
        AudioFrame frame = AudioPackets.requireAudio(inputPin, packet);
        clock.startAt(frame.metadata());
        if (frame.sampleRate() != inputRate || frame.channels() != channels) restart(frame, out);
        if (resampler == null) {
            out.send("out", frame);
            clock.advance(frame.frameCount());
            return;
        }
        float[] samples = frame.samples();
        int block = Math.min(chunkFrames, frame.frameCount()) * channels;
        for (int offset = 0; offset < samples.length; offset += block) {
            pending.append(resampler.process(samples, offset, Math.min(block, samples.length - offset)));
        }
        emit(out, false);
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        flush(out);
        out.finish();
    }

    private void restart(AudioFrame frame, Outputs out) {
        flush(out);
        inputRate = frame.sampleRate();
        channels = frame.channels();
        resampler = inputRate == targetRate ? null : new SincResampler(inputRate, targetRate, channels);
        pending = new SampleFifo(channels);
    }

    private void flush(Outputs out) {
        if (resampler == null) return;
        pending.append(resampler.flush());
        emit(out, true);
    }

    /** Sends the complete frames buffered; with {@code last}, also the shorter remainder. */
    private void emit(Outputs out, boolean last) {
        int size = outputFrameSize == 0 ? pending.frames() : outputFrameSize;
        while (size > 0 && pending.frames() >= size) send(out, size);
        if (last && pending.frames() > 0) send(out, pending.frames());
    }

    private void send(Outputs out, int frames) {
        out.send("out", new AudioFrame(targetRate, channels, pending.take(frames), clock.stamp(frames)));
    }
}
