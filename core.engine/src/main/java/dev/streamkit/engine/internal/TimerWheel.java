package dev.streamkit.engine.internal;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's timers for nodes ({@code Outputs.wakeAt}): a few threads, each owning a deadline-ordered
 * queue. A thread sleeps until its earliest deadline, then runs every task due within {@link #SLACK_NANOS}
 * of now, so many paced sessions share one wake-up instead of each parking a thread per packet. Tasks run
 * on the timer thread and must be short (a paced chain's one packet). A task that throws is logged (with
 * the session of the {@link #forSession view} that scheduled it, and its node) and the thread carries on.
 * Thread-safe.
 */
public final class TimerWheel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TimerWheel.class);

    /** Tasks due this close to now run in the same wake-up (early by at most this much). */
    static final long SLACK_NANOS = 1_000_000L;

    /** A scheduled task; {@link #cancel} before it runs to drop it. */
    static final class Timer implements Comparable<Timer> {
        private final long deadlineNanos;
        private final long sequence;
        private final Runnable task;
        private final String sessionId;
        private final Object key;
        private volatile boolean cancelled;

        private Timer(long deadlineNanos, long sequence, Runnable task, String sessionId, Object key) {
            this.deadlineNanos = deadlineNanos;
            this.sequence = sequence;
            this.task = task;
            this.sessionId = sessionId;
            this.key = key;
        }

        /** Runs the task; a failure is logged, never thrown at the timer thread. */
        private void run() {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // the slot reports its node's own failures; this is whatever escaped it
                LOG.warn("Timer task of session {} node {} failed; the timer thread carries on", sessionId,
                        key instanceof NodeSlot slot ? slot.id() : key, e);
            }
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
    private final AtomicLong sequence;
    /** The session whose timers this view schedules, or {@code null} for the wheel itself. */
    private final String sessionId;

    /** Starts {@code threads} daemon timer threads named {@code <prefix>-N}. */
    public TimerWheel(int threads, String prefix) {
        sessionId = null;
        sequence = new AtomicLong();
        lanes = new Lane[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane();
            Thread thread = new Thread(lanes[i]::run, prefix + "-" + (i + 1));
            thread.setDaemon(true);
            thread.start();
        }
    }

    private TimerWheel(TimerWheel wheel, String sessionId) {
        this.lanes = wheel.lanes;
        this.sequence = wheel.sequence;
        this.sessionId = sessionId;
    }

    /** The same threads and queues, scheduling on behalf of session {@code sessionId} (named in failure logs). */
    public TimerWheel forSession(String sessionId) {
        return new TimerWheel(this, sessionId);
    }

    /**
     * Runs {@code task} at or after {@code deadlineNanos} (up to {@link #SLACK_NANOS} early) on the lane
     * chosen by {@code key}: one key's tasks always run on one thread, in deadline order.
     */
    Timer schedule(Object key, long deadlineNanos, Runnable task) {
        Timer timer = new Timer(deadlineNanos, sequence.incrementAndGet(), task, sessionId, key);
        lanes[Math.floorMod(key.hashCode(), lanes.length)].add(timer);
        return timer;
    }

    /** Stops the timer threads (pending tasks are dropped); a session's view leaves them running. */
    @Override
    public void close() {
        if (sessionId != null) return;
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
                if (!due.cancelled) due.run();
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
