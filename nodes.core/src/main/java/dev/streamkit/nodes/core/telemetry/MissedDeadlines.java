package dev.streamkit.nodes.core.telemetry;

import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pacer's count of missed deadlines: a packet released more than its own duration after it was due
 * (the receiver has run dry by then) counts as one, and is reported as a {@value #EVENT_TYPE} telemetry
 * event {@code {late_ms, missed_total}}.
 *
 * <p>Events are rate-limited to {@value #EVENTS_PER_SECOND} a second (a burst of as many, then one every
 * 100 ms); the count is not, and {@code missed_total} is cumulative, so the largest value a reader saw is
 * the best count it has. Packets without a duration have no deadline to miss. Not thread-safe: the
 * pacer's thread owns it.
 */
public final class MissedDeadlines {

    /** The telemetry event type. */
    public static final String EVENT_TYPE = "pacer.deadline_missed";
    static final int EVENTS_PER_SECOND = 10;

    private final TokenBucket events = new TokenBucket(EVENTS_PER_SECOND, EVENTS_PER_SECOND);
    private long total;

    /**
     * Notes that a packet of {@code durationNanos} due at {@code dueNanos} went out at {@code releasedNanos}
     * ({@link System#nanoTime()} terms), and reports it on {@code out} when it missed its deadline.
     */
    public void released(long dueNanos, long releasedNanos, long durationNanos, Outputs out) {
        long lateNanos = releasedNanos - dueNanos;
        if (durationNanos <= 0 || lateNanos <= durationNanos) return;
        total++;
        if (!events.tryTake(releasedNanos)) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("late_ms", Math.round(lateNanos / 1e3) / 1e3);
        data.put("missed_total", total);
        out.telemetry(TelemetryEvent.now(EVENT_TYPE, data));
    }

    /** Deadlines missed so far. */
    public long total() {
        return total;
    }
}
