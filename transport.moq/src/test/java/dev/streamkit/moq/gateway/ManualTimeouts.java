package dev.streamkit.moq.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timeouts that fire only when the test says time has passed. */
final class ManualTimeouts implements Timeouts {

    private record Pending(Duration delay, Runnable task) {
    }

    private final List<Pending> pending = new ArrayList<>();

    @Override
    public synchronized void after(Duration delay, Runnable task) {
        pending.add(new Pending(delay, task));
    }

    /** Runs every task scheduled so far; returns the delays they were scheduled with. */
    List<Duration> fireAll() {
        List<Pending> due;
        synchronized (this) {
            due = List.copyOf(pending);
            pending.clear();
        }
        for (Pending p : due) p.task().run();
        return due.stream().map(Pending::delay).toList();
    }
}
