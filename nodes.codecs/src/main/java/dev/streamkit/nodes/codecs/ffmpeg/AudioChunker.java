package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.function.Consumer;

/**
 * Re-chunks decoded audio into frames of {@value #FRAME_SIZE} sample frames (the last one shorter), timed
 * from the sample position: a frame's timestamp is where its first sample falls, its duration runs to where
 * the next frame starts, so the times add up exactly. A change of rate or channel count flushes the pending
 * frame and continues the clock from there.
 */
public final class AudioChunker {

    /** Sample frames per emitted frame: 20 ms at 48 kHz. */
    public static final int FRAME_SIZE = 960;

    private int sampleRate;
    private int channels;
    private float[] pending;
    private int pendingFrames;
    private long position;
    private long baseUs;
    private long totalFrames;

    /** Appends interleaved samples; emits every completed frame to {@code sink}. */
    public void accept(float[] samples, int rate, int channelCount, Consumer<AudioFrame> sink) {
        if (rate != sampleRate || channelCount != channels) {
            flush(sink);
            baseUs = timeOf(position);
            position = 0;
            sampleRate = rate;
            channels = channelCount;
            pending = new float[FRAME_SIZE * channels];
        }
        int frames = samples.length / channels;
        int read = 0;
        while (read < frames) {
            int n = Math.min(FRAME_SIZE - pendingFrames, frames - read);
            System.arraycopy(samples, read * channels, pending, pendingFrames * channels, n * channels);
            pendingFrames += n;
            read += n;
            if (pendingFrames == FRAME_SIZE) emit(sink);
        }
    }

    /** Emits the partial frame, if any. */
    public void flush(Consumer<AudioFrame> sink) {
        if (pendingFrames > 0) emit(sink);
    }

    /** Sample frames emitted so far. */
    public long totalFrames() {
        return totalFrames;
    }

    private void emit(Consumer<AudioFrame> sink) {
        float[] samples = pendingFrames == FRAME_SIZE ? pending : java.util.Arrays.copyOf(pending, pendingFrames * channels);
        long start = timeOf(position);
        long end = timeOf(position + pendingFrames);
        position += pendingFrames;
        totalFrames += pendingFrames;
        pendingFrames = 0;
        pending = new float[FRAME_SIZE * channels];
        sink.accept(new AudioFrame(sampleRate, channels, samples, PacketMetadata.timed(start, end - start)));
    }

    private long timeOf(long framePosition) {
        return sampleRate == 0 ? baseUs : baseUs + framePosition * 1_000_000L / sampleRate;
    }
}
