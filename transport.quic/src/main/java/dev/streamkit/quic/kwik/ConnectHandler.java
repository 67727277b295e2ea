package dev.streamkit.quic.kwik;

import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.quic.WebTransportAcceptor;
import dev.streamkit.quic.WebTransportSession;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.kwik.flupke.HttpStream;
import tech.kwik.flupke.impl.HeadersFrame;

/**
 * Answers WebTransport requests (extended CONNECT) on the worker thread of their stream: finds the acceptor by
 * path, waits for its decision (bounded: 504 past it), answers 200 with {@code WT-Protocol} or the acceptor's
 * refusal, and then reads the session's capsules on the same thread until the session ends.
 */
final class ConnectHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectHandler.class);
    static final String AVAILABLE_PROTOCOLS = "wt-available-protocols";
    static final String SELECTED_PROTOCOL = "wt-protocol";

    private final AcceptorRegistry acceptors;
    private final Executor workers;
    private final Duration acceptTimeout;
    private final Duration openTimeout;

    ConnectHandler(AcceptorRegistry acceptors, Executor workers, Duration acceptTimeout, Duration openTimeout) {
        this.acceptors = acceptors;
        this.workers = workers;
        this.acceptTimeout = acceptTimeout;
        this.openTimeout = openTimeout;
    }

    void handle(ServerH3Connection connection, HeadersFrame headers, HttpStream stream) {
        SessionRequest request = toRequest(headers, connection);
        LOG.debug("WebTransport request {} from {}, headers {}", request.path(), request.remoteAddress(),
                headers.headers().map().keySet());
        Optional<WebTransportAcceptor> acceptor = acceptors.find(request.path());
        if (acceptor.isEmpty()) {
            refuse(connection, stream, request, 404, "no acceptor serves this path");
            return;
        }
        SessionTable sessions = connection.sessions();
        sessions.reserve(stream.getStreamId());
        Acceptance acceptance = decide(acceptor.get(), request);
        if (acceptance instanceof Acceptance.Refuse refuse) {
            sessions.remove(stream.getStreamId());
            refuse(connection, stream, request, refuse.status(), refuse.reason());
            return;
        }
        Acceptance.Accept accept = (Acceptance.Accept) acceptance;
        String protocol = accept.protocol() == null ? "" : accept.protocol();
        if (!protocol.isEmpty() && !request.offeredProtocols().contains(protocol)) {
            sessions.remove(stream.getStreamId());
            refuse(connection, stream, request, 500, "acceptor chose protocol '" + protocol + "', which was not offered");
            return;
        }
        KwikSession session = new KwikSession(connection, stream, request.path(), protocol, request.remoteAddress(),
                accept.streams(), openTimeout, close -> connection.sessionEnded(stream.getStreamId()));
        HttpHeaders responseHeaders = HttpHeaders.of(
                protocol.isEmpty() ? Map.of() : Map.of(SELECTED_PROTOCOL, List.of(ProtocolLists.quote(protocol))),
                (name, value) -> true);
        connection.answer(stream, 200, responseHeaders);
        sessions.established(session);
        if (accept.onEstablished() != null) {
            workers.execute(() -> {
                try {
                    accept.onEstablished().accept(session);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("WebTransport session {}: onEstablished failed; closing it", request.path(), e);
                    session.close(1, "internal error");
                }
            });
        }
        session.readCapsulesUntilClosed();
    }

    private Acceptance decide(WebTransportAcceptor acceptor, SessionRequest request) {
        try {
            Acceptance answer = acceptor.accept(request).toCompletableFuture()
                    .get(acceptTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return answer != null ? answer : new Acceptance.Refuse(500, "acceptor answered nothing");
        } catch (TimeoutException e) {
            return new Acceptance.Refuse(504, "no decision within " + acceptTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Acceptance.Refuse(503, "shutting down");
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("WebTransport acceptor failed for {}", request.path(), cause);
            return new Acceptance.Refuse(500, "acceptor failed: " + cause);
        }
    }

    private static void refuse(ServerH3Connection connection, HttpStream stream, SessionRequest request, int status,
                               String reason) {
        LOG.debug("WebTransport request {} from {} refused {}: {}", request.path(), request.remoteAddress(), status, reason);
        connection.answer(stream, status, null);
    }

    private static SessionRequest toRequest(HeadersFrame headers, ServerH3Connection connection) {
        String target = headers.getPseudoHeader(HeadersFrame.PSEUDO_HEADER_PATH);
        HttpHeaders fields = headers.headers();
        List<String> offered = ProtocolLists.parse(String.join(",", fields.allValues(AVAILABLE_PROTOCOLS)));
        return new SessionRequest(QueryStrings.path(target), QueryStrings.parameters(target), offered,
                fields.firstValue("origin").orElse(null), connection.remoteAddress());
    }
}
