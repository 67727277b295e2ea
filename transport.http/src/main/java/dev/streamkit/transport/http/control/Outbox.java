package dev.streamkit.transport.http.control;

import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One socket's outgoing text frames, sent one at a time in order (Jetty sends must not overlap). Bounded:
 * when a slow client lets {@link #LIMIT} frames pile up, further events are dropped, as StreamKit's
 * lagging broadcast receivers lose events.
 */
final class Outbox {

    static final int LIMIT = 1024;

    private final Session session;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues {@code text}; returns false when it was dropped (queue full or socket closed). */
    boolean send(String text) {
        synchronized (this) {
            if (!session.isOpen() || queue.size() >= LIMIT) return false;
            queue.add(text);
            if (sending) return true;
            sending = true;
        }
        sendNext();
        return true;
    }

    private void sendNext() {
        String next;
        synchronized (this) {
            next = queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        session.sendText(next, Callback.from(this::sendNext, failure -> {
            synchronized (this) {
                queue.clear();
                sending = false;
            }
        }));
    }
}
