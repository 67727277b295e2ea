package dev.streamkit.transport.http.control;

import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One socket's outgoing text frames, sent one at a time in order (Jetty sends must not overlap). Bounded
 * twice: once {@link #DROPPABLE_LIMIT} frames wait, {@linkplain #offer droppable} frames (telemetry, stats)
 * are dropped, as StreamKit's lagging broadcast receivers lose events; frames that must arrive (responses,
 * state and graph events) are {@linkplain #send sent} until {@link #LIMIT} wait, and past that the client is
 * too slow to be kept: the socket is closed (1013) rather than silently missing a state change.
 */
final class Outbox {

    static final int DROPPABLE_LIMIT = 256;
    static final int LIMIT = 4096;

    private final Session session;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean sending;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues a frame that must arrive; returns false when the socket is closed or was closed for lagging. */
    boolean send(String text) {
        return enqueue(text, LIMIT, true);
    }

    /** Queues a frame that may be dropped; returns false when it was. */
    boolean offer(String text) {
        return enqueue(text, DROPPABLE_LIMIT, false);
    }

    private boolean enqueue(String text, int limit, boolean closeWhenFull) {
        synchronized (this) {
            if (!session.isOpen()) return false;
            if (queue.size() >= limit) {
                if (closeWhenFull) {
                    queue.clear();
                    session.close(StatusCode.TRY_AGAIN_LATER, "client too slow: " + LIMIT + " messages waiting", Callback.NOOP);
                }
                return false;
            }
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
