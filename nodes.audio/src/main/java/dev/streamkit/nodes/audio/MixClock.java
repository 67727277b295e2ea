package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.PacingClock;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The clock thread of a clocked mixer: calls a tick every period on an absolute timeline
 * ({@link PacingClock}), first one period after it starts. A daemon thread with a caller-chosen name.
 *
 * <p>It stops when the tick returns {@code false}, when the tick's send throws
 * {@link CancellationException}, when {@code cancelled} becomes true, or on {@link #stop}. When it falls
 * more than {@value #MAX_LATE_PERIODS} periods behind (a stalled consumer), it restarts its timeline
 * instead of bursting to catch up.
 */
final class MixClock {

    static final int MAX_LATE_PERIODS = 10;

    private final Thread thread;
    private volatile boolean stopping;

    private MixClock(String name, long periodNanos, BooleanSupplier tick, BooleanSupplier cancelled) {
        this.thread = new Thread(() -> run(periodNanos, tick, cancelled), name);
        thread.setDaemon(true);
    }

    /** Starts a clock thread named {@code name} ticking every {@code periodNanos}. */
    static MixClock start(String name, long periodNanos, BooleanSupplier tick, BooleanSupplier cancelled) {
        MixClock clock = new MixClock(name, periodNanos, tick, cancelled);
        clock.thread.start();
        return clock;
    }

    private void run(long periodNanos, BooleanSupplier tick, BooleanSupplier cancelled) {
        PacingClock timeline = new PacingClock().restart(System.nanoTime());
        timeline.advance(periodNanos, 1.0);
        try {
            while (PacingClock.sleepUntil(timeline.dueNanos(), () -> stopping || cancelled.getAsBoolean())) {
                if (!tick.getAsBoolean()) return;
                timeline.advance(periodNanos, 1.0);
                long now = System.nanoTime();
                if (now - timeline.dueNanos() > MAX_LATE_PERIODS * periodNanos) timeline.restart(now);
            }
        } catch (CancellationException cancelledWhileSending) {
            // The run is over; the engine reports it.
        }
    }

    /** Asks the thread to stop and waits up to {@code joinMs} for it (not when called from the thread itself). */
    void stop(long joinMs) {
        stopping = true;
        if (Thread.currentThread() == thread) return;
        thread.interrupt();
        try {
            thread.join(joinMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
