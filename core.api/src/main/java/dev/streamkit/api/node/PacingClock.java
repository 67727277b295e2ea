package dev.streamkit.api.node;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * An absolute release timeline on the monotonic clock: the next packet is due at
 * {@code anchor + media time so far / rate}, so a late wake-up never accumulates drift. A rate change
 * rebases the anchor at the current position, so the timeline never jumps.
 * Used by pacing nodes ({@code core::pacer}, {@code audio::pacer}) and clocked mixers. Not thread-safe:
 * one node thread owns an instance.
 */
public final class PacingClock {

    /** Longest single sleep, so that cancellation is noticed promptly. */
    public static final long SLICE_NANOS = 20_000_000L;

    private long anchorNanos;
    private long mediaNanos;
    private double rate = 1.0;

    /** Starts the timeline over at {@code nowNanos}: the next packet is due immediately. */
    public PacingClock restart(long nowNanos) {
        anchorNanos = nowNanos;
        mediaNanos = 0;
        return this;
    }

    /** When the next packet is due, in {@link System#nanoTime()} terms. */
    public long dueNanos() {
        return anchorNanos + (long) (mediaNanos / rate);
    }

    /** Moves past a packet of {@code durationNanos} media time played at {@code newRate} (1.0 = real time). */
    public void advance(long durationNanos, double newRate) {
        if (newRate != rate) {
            anchorNanos = dueNanos();
            mediaNanos = 0;
            rate = newRate;
        }
        mediaNanos += durationNanos;
    }

    /** Sleeps in slices until {@code deadlineNanos}; {@code false} when {@code stop} or an interrupt ended it early. */
    public static boolean sleepUntil(long deadlineNanos, BooleanSupplier stop) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            if (stop.getAsBoolean() || Thread.currentThread().isInterrupted()) return false;
            LockSupport.parkNanos(Math.min(left, SLICE_NANOS));
        }
        return !stop.getAsBoolean();
    }
}
