package dev.streamkit.moq.nodes;

/**
 * Where each outgoing audio frame goes on the hang timeline: its timestamp is the initial delay plus the media
 * time of the frames before it (each frame's duration rounded up to whole milliseconds, 20 ms when unknown, as
 * StreamKit does), and a new group starts on the first frame and whenever the frame would overflow the group's
 * duration; a group is closed as soon as a frame as long as its last would overflow it. Pure arithmetic; one writer thread.
 */
final class OutputTimeline {

    /** An Opus frame's duration when the packet does not say. */
    static final long DEFAULT_FRAME_US = 20_000;

    /**
     * Where one frame goes.
     *
     * @param timestampUs its hang timestamp, microseconds
     * @param newGroup    whether it opens a new group
     * @param endsGroup   whether its group is full after it (a next frame as long would overflow): finishing
     *                    the group now spares watchers the wait for the next frame
     */
    record Slot(long timestampUs, boolean newGroup, boolean endsGroup) {
    }

    private final long initialDelayUs;
    private final long groupDurationUs;
    private long elapsedUs;
    private long groupElapsedUs;
    private boolean groupOpen;

    OutputTimeline(long initialDelayMs, long groupDurationMs) {
        this.initialDelayUs = initialDelayMs * 1000;
        this.groupDurationUs = Math.max(1, groupDurationMs) * 1000;
    }

    /** Places a frame lasting {@code durationUs} (0 or less: unknown). */
    Slot next(long durationUs) {
        long duration = roundUpToMillis(durationUs > 0 ? durationUs : DEFAULT_FRAME_US);
        boolean newGroup = !groupOpen || groupElapsedUs + duration > groupDurationUs;
        if (newGroup) groupElapsedUs = 0;
        long timestamp = initialDelayUs + elapsedUs;
        elapsedUs += duration;
        groupElapsedUs += duration;
        groupOpen = groupElapsedUs + duration <= groupDurationUs;
        return new Slot(timestamp, newGroup, !groupOpen);
    }

    private static long roundUpToMillis(long us) {
        return (us + 999) / 1000 * 1000;
    }
}
