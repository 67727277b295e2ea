package dev.streamkit.engine.internal;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's timers for nodes ({@code Outputs.wakeAt}): a few threads, each owning a deadline-ordered
 * queue. A thread sleeps until its earliest deadline, then runs every task due within {@link #SLACK_NANOS}
 * of now, so many paced sessions share one wake-up instead of each parking a thread per packet. Tasks run
 * on the timer thread and must be short (a paced chain's one packet). Thread-safe.
 */
public final class TimerWheel implements AutoCloseable {

    /** Tasks due this close to now run in the same wake-up (early by at most this much). */
    static final long SLACK_NANOS = 1_000_000L;

    /** A scheduled task; {@link #cancel} before it runs to drop it. */
    static final class Timer implements Comparable<Timer> {
        private final long deadlineNanos;
        private final long sequence;
        private final Runnable task;
        private volatile boolean cancelled;

        private Timer(long deadlineNanos, long sequence, Runnable task) {
            this.deadlineNanos = deadlineNanos;
            this.sequence = sequence;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(deadlineNanos - other.deadlineNanos, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Lane[] lanes;
    private final AtomicLong sequence = new AtomicLong();

    /** Starts {@code threads} daemon timer threads named {@code <prefix>-N}. */
    public TimerWheel(int threads, String prefix) {
        lanes = new Lane[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
            Thread thread = new Thread(lanes[i]::run, prefix + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Runs {@code task} at or after {@code deadlineNanos} (up to {@link #SLACK_NANOS} early) on the lane
     * chosen by {@code key}: one key's tasks always run on one thread, in deadline order.
     */
    Timer schedule(Object key, long deadlineNanos, Runnable task) {
        Timer timer = new Timer(deadlineNanos, sequence.incrementAndGet(), task);
        lanes[Math.floorMod(key.hashCode(), lanes.length)].add(timer);
        return timer;
    }

    /** Stops the timer threads; pending tasks are dropped. */
    @Override
    public void close() {
        for (Lane lane : lanes) lane.stop();
    }

    /** One timer thread and its queue. */
    private static final class Lane {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final PriorityQueue<Timer> queue = new PriorityQueue<>();
        private boolean stopped;

        void add(Timer timer) {
            lock.lock();
            try {
                queue.add(timer);
                if (queue.peek() == timer) changed.signal(); // earlier than what the thread sleeps for
            } finally {
                lock.unlock();
            }
        }

        void stop() {
            lock.lock();
            try {
                stopped = true;
                queue.clear();
                changed.signal();
            } finally {
                lock.unlock();
            }
        }

        void run() {
            while (true) {
                Timer due = next();
                if (due == null) return;
                if (due.cancelled) continue;
                try {
                    due.task.run();
                } catch (RuntimeException | Error e) {
                    // a task's failure is its own (the slot reports node failures); the lane keeps running
                }
            }
        }

        /** Waits for the next due timer; {@code null} once stopped. */
        private Timer next() {
            lock.lock();
            try {
                while (!stopped) {
                    Timer head = queue.peek();
                    if (head == null) {
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    long wait = head.deadlineNanos - System.nanoTime() - SLACK_NANOS;
                    if (wait <= 0) return queue.poll();
                    try {
                        changed.awaitNanos(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                }
                return null;
            } finally {
                lock.unlock();
            }
        }
    }
}
