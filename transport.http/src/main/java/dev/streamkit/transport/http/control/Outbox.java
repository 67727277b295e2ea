package dev.streamkit.transport.http.control;

import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One socket's outgoing text frames, sent one at a time in order (Jetty sends must not overlap). Bounded
 * twice, in frames and in characters: once {@link #DROPPABLE_LIMIT} frames or {@link #DROPPABLE_CHARS}
 * characters wait, {@linkplain #offer droppable} frames (telemetry, stats) are dropped, as StreamKit's lagging
 * broadcast receivers lose events; frames that must arrive (responses, state and graph events) are
 * {@linkplain #send sent} until {@link #LIMIT} frames or {@link #LIMIT_CHARS} characters wait, and past that
 * the client is too slow to be kept: the socket is closed (1013) rather than silently missing a state change.
 * The character bounds keep a non-reading client from pinning more than a few MiB of heap.
 */
final class Outbox {

    static final int DROPPABLE_LIMIT = 256;
    static final int LIMIT = 4096;
    static final long DROPPABLE_CHARS = 1L << 20;
    static final long LIMIT_CHARS = 4L << 20;

    private final Session session;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedChars;
    private boolean sending;

    Outbox(Session session) {
        this.session = session;
    }

    /** Queues a frame that must arrive; returns false when the socket is closed or was closed for lagging. */
    boolean send(String text) {
        return enqueue(text, LIMIT, LIMIT_CHARS, true);
    }

    /** Queues a frame that may be dropped; returns false when it was. */
    boolean offer(String text) {
        return enqueue(text, DROPPABLE_LIMIT, DROPPABLE_CHARS, false);
    }

    private boolean enqueue(String text, int limit, long charLimit, boolean closeWhenFull) {
        synchronized (this) {
            if (!session.isOpen()) return false;
            if (queue.size() >= limit || queuedChars + text.length() > charLimit) {
                if (closeWhenFull) {
                    clear();
                    session.close(StatusCode.TRY_AGAIN_LATER, "client too slow: more than " + LIMIT + " messages or "
                            + (LIMIT_CHARS >> 20) + " MiB waiting", Callback.NOOP);
                }
                return false;
            }
            queue.add(text);
            queuedChars += text.length();
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
            queuedChars -= next.length();
        }
        session.sendText(next, Callback.from(this::sendNext, failure -> {
            synchronized (this) {
                clear();
                sending = false;
            }
        }));
    }

    private void clear() {
        queue.clear();
        queuedChars = 0;
    }
}
