package dev.streamkit.api.packet;

import java.util.Objects;

/**
 * A block of raw audio: interleaved 32-bit float samples in [-1, 1] at a sample rate and channel count.
 *
 * <p>The sample array is owned by the frame once constructed: the producer must not write to it
 * afterwards, and consumers must treat it as read-only (copy before modifying). This keeps fan-out free.
 *
 * @param sampleRate samples per second per channel, &gt; 0
 * @param channels   number of interleaved channels, &gt; 0
 * @param samples    interleaved samples; its length is a multiple of {@code channels}
 * @param metadata   timing metadata
 */
public record AudioFrame(int sampleRate, int channels, float[] samples, PacketMetadata metadata) implements Packet {

    public AudioFrame {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        if (channels <= 0) throw new IllegalArgumentException("channel count must be positive: " + channels);
        Objects.requireNonNull(samples, "samples");
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + samples.length + " is not a multiple of " + channels + " channels");
        }
        metadata = metadata == null ? PacketMetadata.NONE : metadata;
    }

    /** Number of sample frames (samples per channel). */
    public int frameCount() {
        return samples.length / channels;
    }

    /** Duration of the audio in microseconds, computed from the sample count and rate. */
    public long computedDurationUs() {
        return frameCount() * 1_000_000L / sampleRate;
    }
}
