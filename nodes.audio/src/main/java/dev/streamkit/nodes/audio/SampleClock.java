package dev.streamkit.nodes.audio;

import dev.streamkit.api.packet.PacketMetadata;

/**
 * Stamps consecutive blocks of audio at one sample rate with {@code timestamp_us} and {@code duration_us}
 * derived from their sample position (a block's duration ends where the next block starts, so blocks tile
 * the timeline without rounding gaps), for nodes that re-chunk audio and so must rewrite timing.
 *
 * <p>The timeline starts at the timestamp of the first packet seen ({@link #startAt}), or 0 when that
 * packet has none. Timestamps are computed from the absolute position, so rounding never accumulates.
 */
final class SampleClock {

    private final int sampleRate;
    private boolean started;
    private long startUs;
    private long position;

    SampleClock(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** Anchors the timeline at {@code first}'s timestamp; later calls are ignored. */
    void startAt(PacketMetadata first) {
        if (started) return;
        started = true;
        startUs = first.timestampUs() != null ? first.timestampUs() : 0L;
    }

    /** Metadata for the next {@code frames} sample frames, then advances past them. */
    PacketMetadata stamp(int frames) {
        long timestampUs = timeAt(position);
        position += frames;
        return PacketMetadata.timed(timestampUs, timeAt(position) - timestampUs);
    }

    private long timeAt(long samplePosition) {
        return startUs + samplePosition * 1_000_000L / sampleRate;
    }

    /** Advances past {@code frames} sample frames that were emitted with their own metadata. */
    void advance(long frames) {
        position += frames;
    }
}
