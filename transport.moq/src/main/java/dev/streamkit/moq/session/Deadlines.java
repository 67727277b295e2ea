package dev.streamkit.moq.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on an object's monitor, for readers that block with a timeout. */
final class Deadlines {

    private Deadlines() {
    }

    /**
     * Waits on {@code monitor} (whose lock the caller holds) until notified or {@code deadlineNanos}
     * ({@link System#nanoTime()} based) passes; past it, fails with {@code timeoutMessage}.
     */
    static void await(Object monitor, long deadlineNanos, String timeoutMessage)
            throws TimeoutException, InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException(timeoutMessage);
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
    }
}
