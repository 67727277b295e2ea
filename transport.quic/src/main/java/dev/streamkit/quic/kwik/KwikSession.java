package dev.streamkit.quic.kwik;

import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.SendStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.kwik.flupke.Http3Connection;
import tech.kwik.flupke.HttpStream;

/**
 * A WebTransport session on one HTTP/3 connection (either side): opens streams with the WebTransport stream
 * headers, hands the peer's streams to the {@link StreamHandler} on the calling worker thread, and ends with a
 * CLOSE_WEBTRANSPORT_SESSION capsule on its CONNECT stream. Every stream still open when the session ends is
 * reset with WEBTRANSPORT_SESSION_GONE.
 */
final class KwikSession implements WebTransportSession {

    private static final Logger LOG = LoggerFactory.getLogger(KwikSession.class);
    private final Http3Connection connection;
    private final HttpStream connectStream;
    private final long sessionId;
    private final String path;
    private final String protocol;
    private final InetSocketAddress remoteAddress;
    private final StreamHandler handler;
    private final Duration openTimeout;
    private final Consumer<SessionClose> onEnded;
    private final Set<KwikStream> streams = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<SessionClose> closed = new CompletableFuture<>();

    /**
     * @param onEnded called once, after the session ended (e.g. to close the QUIC connection)
     */
    KwikSession(Http3Connection connection, HttpStream connectStream, String path, String protocol,
                InetSocketAddress remoteAddress, StreamHandler handler, Duration openTimeout,
                Consumer<SessionClose> onEnded) {
        this.connection = connection;
        this.connectStream = connectStream;
        this.sessionId = connectStream.getStreamId();
        this.path = path;
        this.protocol = protocol;
        this.remoteAddress = remoteAddress;
        this.handler = handler;
        this.openTimeout = openTimeout;
        this.onEnded = onEnded;
    }

    long sessionId() {
        return sessionId;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public BidiStream openBidirectional() throws IOException {
        checkOpen();
        HttpStream stream = BoundedOpen.open(connection::createBidirectionalStream, openTimeout);
        OutputStream out = stream.getOutputStream();
        out.write(WireFormat.varint(WireFormat.BIDI_SIGNAL));
        out.write(WireFormat.varint(sessionId));
        return track(new KwikStream(stream, true, true, this::forgetLater));
    }

    @Override
    public SendStream openUnidirectional() throws IOException {
        checkOpen();
        HttpStream stream = BoundedOpen.open(() -> connection.createUnidirectionalStream(WireFormat.UNI_STREAM_TYPE),
                openTimeout);
        stream.getOutputStream().write(WireFormat.varint(sessionId));
        return track(new KwikStream(stream, false, true, this::forgetLater));
    }

    @Override
    public void close(long errorCode, String reason) {
        SessionClose close = new SessionClose(errorCode, reason == null ? "" : reason, false);
        if (!closed.complete(close)) return;
        try {
            OutputStream out = connectStream.getOutputStream();
            out.write(SessionCapsules.close(errorCode, close.reason()));
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("session {}: close capsule not sent: {}", path, e.toString());
        }
        ended(close);
    }

    @Override
    public CompletionStage<SessionClose> closed() {
        return closed.copy();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Reads the CONNECT stream until the peer ends the session; blocks the calling thread meanwhile. */
    void readCapsulesUntilClosed() {
        SessionClose close;
        try {
            close = SessionCapsules.awaitClose(connectStream.getInputStream());
        } catch (IOException | RuntimeException e) {
            if (closed.isDone()) return; // this side closed: reading stops with an error
            close = new SessionClose(0, "connection lost: " + e.getMessage(), true);
        }
        if (!closed.complete(close)) return;
        try {
            connectStream.getOutputStream().close();
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
        ended(close);
    }

    /** The QUIC connection ended under the session. */
    void connectionLost(String why) {
        SessionClose close = new SessionClose(0, "connection lost: " + why, true);
        if (closed.complete(close)) ended(close);
    }

    /** A bidirectional stream the peer opened for this session, past its signal and session id. */
    void acceptBidirectional(HttpStream stream) {
        accept(stream, true, handler::onBidirectional);
    }

    /** A unidirectional stream the peer opened for this session, past its type and session id. */
    void acceptUnidirectional(HttpStream stream) {
        accept(stream, false, handler::onUnidirectional);
    }

    /** One call of the stream handler. */
    private interface HandlerCall {
        void run(KwikStream stream) throws Exception;
    }

    private void accept(HttpStream stream, boolean bidirectional, HandlerCall call) {
        if (refuseWhenClosed(stream, bidirectional)) return;
        KwikStream tracked = track(new KwikStream(stream, true, bidirectional, this::forgetLater));
        try {
            call.run(tracked);
        } catch (RuntimeException | LinkageError bug) {
            // not the peer's doing (that is an IOException): a fault of the handler, which must not pass unseen
            LOG.warn("session {}: stream handler failed", path, bug);
            tracked.terminate(WireFormat.REQUEST_REJECTED);
        } catch (Exception e) {
            LOG.debug("session {}: stream handler failed: {}", path, e.toString());
            tracked.terminate(WireFormat.REQUEST_REJECTED);
        }
    }

    /** How many streams of this session are still open (for tests and diagnostics). */
    int openStreams() {
        return streams.size();
    }

    private boolean refuseWhenClosed(HttpStream stream, boolean bidirectional) {
        if (!closed.isDone()) return false;
        stream.abortReading(WireFormat.SESSION_GONE);
        if (bidirectional) stream.resetStream(WireFormat.SESSION_GONE);
        return true;
    }

    private KwikStream track(KwikStream stream) {
        streams.add(stream);
        if (closed.isDone()) stream.terminate(WireFormat.SESSION_GONE);
        if (stream.isDone()) streams.remove(stream);
        return stream;
    }

    // a stream may report itself done before track() added it: drop every done stream instead of just one
    private void forgetLater() {
        streams.removeIf(KwikStream::isDone);
    }

    private void checkOpen() throws IOException {
        if (closed.isDone()) throw new IOException("WebTransport session " + path + " is closed");
    }

    private void ended(SessionClose close) {
        for (KwikStream stream : streams) stream.terminate(WireFormat.SESSION_GONE);
        streams.clear();
        try {
            if (!close.byPeer()) connectStream.abortReading(0);
        } catch (RuntimeException ignored) {
            // the CONNECT stream is already gone
        }
        try {
            onEnded.accept(close);
        } catch (RuntimeException e) {
            LOG.debug("session {}: end callback failed", path, e);
        }
    }
}
