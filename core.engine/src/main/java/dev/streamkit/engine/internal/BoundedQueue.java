package dev.streamkit.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO whose blocked producers are woken only once the consumer has drained it to half its
 * capacity (a low-water mark), not after every element taken. A producer that outruns its consumer
 * (a file reader ahead of a real-time pacer) then wakes once per half-queue, in a burst, instead of once
 * per packet: thread switches, not the work itself, dominate the cost of a live pipeline.
 */
final class BoundedQueue<T> {

    private final ArrayDeque<T> items;
    private final int capacity;
    private final int lowWater;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private int waitingProducers;
    /** Called once when the queue next drains to the low-water mark or is cleared (paused producers). */
    private final List<Runnable> lowWaterCallbacks = new ArrayList<>();

    BoundedQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        this.lowWater = capacity / 2;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /**
     * Appends {@code item}, waiting up to {@code timeoutMillis} for room.
     *
     * @return false when the queue stayed full for the whole timeout
     */
    boolean offer(T item, long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lockInterruptibly();
        try {
            while (items.size() >= capacity) {
                if (nanos <= 0) return false;
                waitingProducers++;
                try {
                    nanos = notFull.awaitNanos(nanos);
                } finally {
                    waitingProducers--;
                }
            }
            items.addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends {@code item} without waiting, beyond the capacity if need be (a producer that must not block
     * adds its packet, then pauses until {@link #whenDrained} calls it back).
     *
     * @return true when the queue is now at or over its capacity: the producer should pause
     */
    boolean addBeyondCapacity(T item) {
        lock.lock();
        try {
            items.addLast(item);
            return items.size() >= capacity;
        } finally {
            lock.unlock();
        }
    }

    /** Puts {@code item} back at the head (a packet taken but not delivered); never waits. */
    void addFirst(T item) {
        lock.lock();
        try {
            items.addFirst(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Calls {@code callback} once, on the consumer's thread, when the queue has drained to the low-water
     * mark or is cleared; at once (on this thread) when it already is below it.
     */
    void whenDrained(Runnable callback) {
        lock.lock();
        try {
            if (items.size() > lowWater) {
                lowWaterCallbacks.add(callback);
                return;
            }
        } finally {
            lock.unlock();
        }
        callback.run();
    }

    /** Takes the oldest element, or returns {@code null} when empty; wakes producers at the low-water mark. */
    T poll() {
        List<Runnable> drained = null;
        lock.lock();
        try {
            T item = items.pollFirst();
            if (items.size() <= lowWater) {
                if (waitingProducers > 0) notFull.signalAll();
                drained = takeCallbacks();
            }
            return item;
        } finally {
            lock.unlock();
            runAll(drained);
        }
    }

    /** Drops everything queued and wakes waiting producers. */
    void clear() {
        List<Runnable> drained;
        lock.lock();
        try {
            items.clear();
            notFull.signalAll();
            drained = takeCallbacks();
        } finally {
            lock.unlock();
        }
        runAll(drained);
    }

    private List<Runnable> takeCallbacks() {
        if (lowWaterCallbacks.isEmpty()) return null;
        List<Runnable> taken = new ArrayList<>(lowWaterCallbacks);
        lowWaterCallbacks.clear();
        return taken;
    }

    private static void runAll(List<Runnable> callbacks) {
        if (callbacks != null) callbacks.forEach(Runnable::run);
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
