package dev.streamkit.engine.internal;

import java.util.ArrayDeque;
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

    /** Takes the oldest element, or returns {@code null} when empty; wakes producers at the low-water mark. */
    T poll() {
        lock.lock();
        try {
            T item = items.pollFirst();
            if (waitingProducers > 0 && items.size() <= lowWater) notFull.signalAll();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything queued and wakes waiting producers. */
    void clear() {
        lock.lock();
        try {
            items.clear();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
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
