package dev.streamkit.engine.internal;

import dev.streamkit.engine.SessionListener;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One session's events on their way to the listeners: delivered one at a time, in the order they were
 * fired, and never on the thread that holds the session's graph lock. A thread inside a graph operation
 * ({@link #deferOnThisThread}) only queues; its events go out when it leaves the lock ({@link #resume}),
 * or earlier from any other thread that fires meanwhile; either way they have been delivered when
 * {@link #resume} returns, so a client sees an operation's events before its reply. A listener therefore
 * cannot stall a graph edit while it holds the lock, and a slow listener delays only event delivery.
 */
final class SessionEvents {

    private final SessionListeners listeners;
    private final ConcurrentLinkedQueue<Consumer<SessionListener>> queue = new ConcurrentLinkedQueue<>();
    /** Held while events are handed to listeners: one thread at a time, in queue order. */
    private final ReentrantLock dispatching = new ReentrantLock();
    /** The thread holding the graph lock, whose events wait until it lets go; {@code null} when none. */
    private volatile Thread deferring;

    SessionEvents(SessionListeners listeners) {
        this.listeners = listeners;
    }

    /** Queues {@code event} for every listener and delivers what waits, unless this thread holds the graph lock. */
    void fire(Consumer<SessionListener> event) {
        queue.add(event);
        if (Thread.currentThread() != deferring) dispatch();
    }

    /** The calling thread took the graph lock: its events wait until {@link #resume}. */
    void deferOnThisThread() {
        deferring = Thread.currentThread();
    }

    /** The calling thread left the graph lock: delivers what waits. */
    void resume() {
        deferring = null;
        dispatch();
    }

    /** Takes the lock even when the queue looks empty: another thread may be delivering this thread's event. */
    private void dispatch() {
        dispatching.lock();
        try {
            Consumer<SessionListener> next;
            while ((next = queue.poll()) != null) listeners.fire(next);
        } finally {
            dispatching.unlock();
        }
    }
}
