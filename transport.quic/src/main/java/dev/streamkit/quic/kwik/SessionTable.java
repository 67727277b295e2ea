package dev.streamkit.quic.kwik;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.kwik.core.ConnectionListener;
import tech.kwik.core.ConnectionTerminatedEvent;
import tech.kwik.core.QuicConnection;
import tech.kwik.flupke.HttpStream;

/**
 * The WebTransport sessions of one HTTP/3 connection, by session id (the CONNECT stream's id), and the routing
 * of the peer's WebTransport streams to them. A stream may arrive for a session whose CONNECT answer is still
 * being processed; it waits for it a bounded time (the peer's stream limit bounds how many wait). A stream for
 * an unknown or ended session is refused with WEBTRANSPORT_SESSION_GONE.
 */
final class SessionTable {

    private static final Duration PENDING_WAIT = Duration.ofSeconds(10);

    private final Map<Long, CompletableFuture<KwikSession>> sessions = new ConcurrentHashMap<>();

    /** Announces session {@code id} before its CONNECT is answered. */
    void reserve(long id) {
        sessions.computeIfAbsent(id, key -> new CompletableFuture<>());
    }

    /** The session of a reserved id is established. */
    void established(KwikSession session) {
        sessions.computeIfAbsent(session.sessionId(), key -> new CompletableFuture<>()).complete(session);
    }

    /** Forgets session {@code id} (refused or ended); streams waiting for it are refused. */
    void remove(long id) {
        CompletableFuture<KwikSession> entry = sessions.remove(id);
        if (entry != null) entry.cancel(false);
    }

    /** Ends every session of this table when {@code quic} terminates. */
    void endWith(QuicConnection quic) {
        quic.setConnectionListener(new ConnectionListener() {
            @Override
            public void disconnected(ConnectionTerminatedEvent event) {
                connectionLost(String.valueOf(event.closeReason()).toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    /** Every session of the connection ends: the connection is gone. */
    void connectionLost(String why) {
        for (CompletableFuture<KwikSession> entry : sessions.values()) {
            KwikSession session = entry.getNow(null);
            if (session != null) session.connectionLost(why);
            else entry.cancel(false);
        }
        sessions.clear();
    }

    /** A WebTransport unidirectional stream, positioned after its stream type. */
    void routeUnidirectional(HttpStream stream) {
        KwikSession session = sessionOf(stream, false);
        if (session != null) session.acceptUnidirectional(stream);
    }

    /**
     * A WebTransport bidirectional stream.
     *
     * @param signalUnread whether the stream still starts with the 0x41 signal
     */
    void routeBidirectional(HttpStream stream, boolean signalUnread) {
        try {
            if (signalUnread && WireFormat.readVarint(stream.getInputStream()) != WireFormat.BIDI_SIGNAL) {
                refuse(stream, true, WireFormat.REQUEST_REJECTED);
                return;
            }
        } catch (IOException e) {
            refuse(stream, true, WireFormat.REQUEST_REJECTED);
            return;
        }
        KwikSession session = sessionOf(stream, true);
        if (session != null) session.acceptBidirectional(stream);
    }

    int size() {
        return sessions.size();
    }

    private KwikSession sessionOf(HttpStream stream, boolean bidirectional) {
        long id;
        try {
            id = WireFormat.readVarint(stream.getInputStream());
        } catch (IOException e) {
            refuse(stream, bidirectional, WireFormat.REQUEST_REJECTED);
            return null;
        }
        CompletableFuture<KwikSession> entry = sessions.get(id);
        if (entry == null) {
            refuse(stream, bidirectional, WireFormat.SESSION_GONE);
            return null;
        }
        try {
            return entry.get(PENDING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
            // refused, ended or too slow
        }
        refuse(stream, bidirectional, WireFormat.SESSION_GONE);
        return null;
    }

    private static void refuse(HttpStream stream, boolean bidirectional, long code) {
        try {
            stream.abortReading(code);
            if (bidirectional) stream.resetStream(code);
        } catch (RuntimeException ignored) {
            // connection gone
        }
    }
}
