package dev.streamkit.nodes.audio;

import java.util.Arrays;

/**
 * A growable first-in first-out buffer of interleaved float samples with a fixed channel count, used to
 * re-chunk audio into frames of a chosen size. Not thread-safe (owned by one node).
 */
final class SampleFifo {

    private final int channels;
    private float[] buffer = new float[0];
    private int head;
    private int tail;

    SampleFifo(int channels) {
        this.channels = channels;
    }

    /** Buffered sample frames (samples per channel). */
    int frames() {
        return (tail - head) / channels;
    }

    /** Appends interleaved samples; {@code samples.length} must be a multiple of the channel count. */
    void append(float[] samples) {
        if (tail + samples.length > buffer.length) makeRoom(samples.length);
        System.arraycopy(samples, 0, buffer, tail, samples.length);
        tail += samples.length;
    }

    /** Removes and returns the oldest {@code frames} sample frames ({@code frames <= frames()}). */
    float[] take(int frames) {
        int count = frames * channels;
        float[] out = Arrays.copyOfRange(buffer, head, head + count);
        head += count;
        if (head == tail) head = tail = 0;
        return out;
    }

    private void makeRoom(int extra) {
        int live = tail - head;
        float[] target = live + extra > buffer.length ? new float[Math.max(2 * buffer.length, live + extra)] : buffer;
        System.arraycopy(buffer, head, target, 0, live);
        buffer = target;
        head = 0;
        tail = live;
    }
}
