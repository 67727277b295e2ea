package dev.streamkit.nodes.audio;

import dev.streamkit.api.packet.AudioFrame;
import java.util.ArrayDeque;

/**
 * The audio waiting on one mixer input: a queue of frames, when each arrived, and a read position in the
 * oldest one. Frames keep their own channel count; {@link #mixInto} adapts them to the mix's.
 */
final class PinQueue {

    private final ArrayDeque<AudioFrame> frames = new ArrayDeque<>();
    /** {@link System#nanoTime()} at which each queued frame arrived, parallel to {@link #frames}. */
    private final ArrayDeque<Long> arrivals = new ArrayDeque<>();
    /** Sample frames already consumed from the head frame. */
    private int headOffset;
    private int available;

    void add(AudioFrame frame) {
        add(frame, 0L);
    }

    /** Queues {@code frame}, noting that it arrived at {@code arrivalNanos}. */
    void add(AudioFrame frame, long arrivalNanos) {
        if (frame.frameCount() == 0) return;
        frames.add(frame);
        arrivals.add(arrivalNanos);
        available += frame.frameCount();
    }

    /** When the oldest frame still (partly) queued arrived, or {@code null} when nothing is queued. */
    Long oldestArrivalNanos() {
        return arrivals.peek();
    }

    /** Drops up to {@code count} of the oldest sample frames; returns how many were dropped. */
    int discard(int count) {
        return mixInto(null, 0, count);
    }

    /** Sample frames queued (per channel). */
    int available() {
        return available;
    }

    /**
     * Adds up to {@code count} queued sample frames into {@code mix} (interleaved, {@code mixChannels}
     * wide) and consumes them. A mono input feeds every mix channel; an input with fewer channels than the
     * mix feeds the first ones; an input with more channels is cut to the mix's. With {@code mix == null}
     * the samples are consumed without being mixed.
     *
     * @return the sample frames consumed
     */
    int mixInto(float[] mix, int mixChannels, int count) {
        int done = 0;
        while (done < count && !frames.isEmpty()) {
            AudioFrame head = frames.peek();
            int channels = head.channels();
            float[] samples = head.samples();
            int n = Math.min(count - done, head.frameCount() - headOffset);
            for (int f = 0; mix != null && f < n; f++) {
                int src = (headOffset + f) * channels;
                int dst = (done + f) * mixChannels;
                for (int c = 0; c < mixChannels; c++) {
                    if (channels == 1) mix[dst + c] += samples[src];
                    else if (c < channels) mix[dst + c] += samples[src + c];
                }
            }
            done += n;
            headOffset += n;
            if (headOffset == head.frameCount()) {
                frames.poll();
                arrivals.poll();
                headOffset = 0;
            }
        }
        available -= done;
        return done;
    }
}
