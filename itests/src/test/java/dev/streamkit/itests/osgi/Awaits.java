package dev.streamkit.itests.osgi;

import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a value until it satisfies a condition, failing the test after a bounded wait. */
final class Awaits {

    static final long TIMEOUT_MILLIS = 10_000;

    private Awaits() {
    }

    /** The first value of {@code probe} that satisfies {@code done}, polled every 50 ms for up to 10 s. */
    static <T> T until(Callable<T> probe, Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        T value = probe.call();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting for " + what
                        + "; last: " + value);
            }
            Thread.sleep(50);
            value = probe.call();
        }
        return value;
    }
}
