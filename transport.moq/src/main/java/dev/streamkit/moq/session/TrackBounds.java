package dev.streamkit.moq.session;

/**
 * How much a track keeps in memory: at most {@code maxGroups} groups (the newest; a consumer further behind
 * skips to the oldest one kept) of at most {@code maxGroupBytes} payload bytes each (a group growing past it is
 * aborted). A track therefore holds at most {@code maxGroups × maxGroupBytes} bytes, plus one group per reader
 * still inside an evicted group.
 */
public record TrackBounds(int maxGroups, int maxGroupBytes) {

    /** 32 groups (about 0.6 s of Opus at one packet per group) of at most 1 MiB: 32 MiB per track at worst. */
    public static final TrackBounds DEFAULT = new TrackBounds(32, 1 << 20);

    public TrackBounds {
        if (maxGroups < 1 || maxGroupBytes < 1) {
            throw new IllegalArgumentException("track bounds must be positive: " + maxGroups + ", " + maxGroupBytes);
        }
    }
}
