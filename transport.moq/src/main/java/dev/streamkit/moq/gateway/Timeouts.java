package dev.streamkit.moq.gateway;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task once after a delay: the gateway's only notion of time, so tests can fire it by hand. */
@FunctionalInterface
public interface Timeouts {

    /** Runs {@code task} after {@code delay}, on a thread that must not be blocked by it. */
    void after(Duration delay, Runnable task);

    /** Timeouts on {@code scheduler}. */
    static Timeouts on(ScheduledExecutorService scheduler) {
        return (delay, task) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
