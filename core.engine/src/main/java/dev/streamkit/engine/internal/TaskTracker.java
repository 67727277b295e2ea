package dev.streamkit.engine.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs a run's tasks on the shared pool and counts them, so the run can close its nodes only once the
 * last task left; knows the threads currently inside a task so that ending a run can interrupt them.
 */
final class TaskTracker {

    private final Executor pool;
    private final BooleanSupplier cancelled;
    private final Runnable onIdle;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Thread> threads = new HashSet<>();

    /**
     * @param cancelled tasks that start after this turns true are skipped
     * @param onIdle    called each time the last active task left
     */
    TaskTracker(Executor pool, BooleanSupplier cancelled, Runnable onIdle) {
        this.pool = pool;
        this.cancelled = cancelled;
        this.onIdle = onIdle;
    }

    /** Submits {@code task}; returns false (and runs nothing) when the pool refuses it. */
    boolean execute(Runnable task) {
        active.incrementAndGet();
        try {
            pool.execute(() -> runTracked(task));
            return true;
        } catch (RejectedExecutionException e) {
            if (active.decrementAndGet() == 0) onIdle.run();
            return false;
        }
    }

    /** Whether no task is queued or running. */
    boolean isIdle() {
        return active.get() == 0;
    }

    /** Interrupts every thread currently running one of this run's tasks. */
    void interruptAll() {
        synchronized (threads) {
            for (Thread thread : threads) thread.interrupt();
        }
    }

    private void runTracked(Runnable task) {
        Thread current = Thread.currentThread();
        synchronized (threads) {
            threads.add(current);
        }
        try {
            if (!cancelled.getAsBoolean()) task.run();
        } finally {
            synchronized (threads) {
                threads.remove(current);
                Thread.interrupted(); // an interrupt meant for this run must not leak into the pool's next task
            }
            if (active.decrementAndGet() == 0) onIdle.run();
        }
    }
}
