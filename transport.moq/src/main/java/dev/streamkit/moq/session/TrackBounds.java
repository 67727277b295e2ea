package dev.streamkit.moq.session;

import java.time.Duration;

/**
 * How much a track keeps in memory and how long a reader waits for a missing group.
 *
 * <p>At most {@code maxGroups} groups are kept (the newest; a consumer further behind skips to the oldest one
 * kept) of at most {@code maxGroupBytes} payload bytes each (a group growing past it is aborted). A track
 * therefore holds at most {@code maxGroups × maxGroupBytes} bytes, plus one group per reader still inside an
 * evicted group. {@code maxGroups} also bounds how long a group may stay unfinished: once it is evicted, it is
 * finished where it stands (it grows no more, and its readers go on to the later groups).
 *
 * <p>{@code reorderWindow}: groups from the wire race each other on their own streams; when a reader that
 * already read a group finds a newer one but not the next in sequence, it waits up to this long for the
 * missing one before skipping it (zero: never wait, for local tracks, which are written in order).
 */
public record TrackBounds(int maxGroups, int maxGroupBytes, Duration reorderWindow) {

    /** 32 groups (about 0.6 s of Opus at one packet per group) of at most 1 MiB: 32 MiB per track at worst. */
    public static final TrackBounds DEFAULT = new TrackBounds(32, 1 << 20);
    /** {@link #DEFAULT} plus a 40 ms reorder window, for tracks received from a peer. */
    public static final TrackBounds REMOTE =
            new TrackBounds(DEFAULT.maxGroups(), DEFAULT.maxGroupBytes(), Duration.ofMillis(40));

    public TrackBounds {
        if (maxGroups < 1 || maxGroupBytes < 1) {
            throw new IllegalArgumentException("track bounds must be positive: " + maxGroups + ", " + maxGroupBytes);
        }
        if (reorderWindow.isNegative()) {
            throw new IllegalArgumentException("reorder window must not be negative: " + reorderWindow);
        }
    }

    /** Bounds without a reorder window. */
    public TrackBounds(int maxGroups, int maxGroupBytes) {
        this(maxGroups, maxGroupBytes, Duration.ZERO);
    }
}
