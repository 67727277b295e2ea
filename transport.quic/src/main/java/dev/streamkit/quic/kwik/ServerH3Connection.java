package dev.streamkit.quic.kwik;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import tech.kwik.core.QuicConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.core.server.ServerConnection;
import tech.kwik.flupke.HttpStream;
import tech.kwik.flupke.impl.HeadersFrame;
import tech.kwik.flupke.server.impl.Http3ServerConnectionImpl;

/**
 * The server side of one HTTP/3 connection, serving WebTransport only: flupke's HTTP/3 connection (control
 * streams, QPACK, SETTINGS with {@link H3Settings}) whose request streams this class answers itself. An extended
 * CONNECT with {@code :protocol = webtransport} goes to the {@link ConnectHandler}, which can answer with
 * response headers ({@code WT-Protocol}) and after an asynchronous decision, neither of which flupke's own
 * WebTransport extension allows; any other request gets 404. WebTransport streams go to the connection's
 * {@link SessionTable}.
 */
final class ServerH3Connection extends Http3ServerConnectionImpl {

    private static final long MAX_HEADERS_BYTES = 16 * 1024;
    private static final int MAX_SKIPPED_FRAMES = 8;
    private static final long CLOSE_GRACE_MS = 1_000;

    private final SessionTable sessions = new SessionTable();
    private final ConnectHandler connects;
    private final InetSocketAddress remoteAddress;

    ServerH3Connection(QuicConnection quic, ExecutorService workers, ConnectHandler connects) {
        super(quic, (request, response) -> response.setStatus(404), MAX_HEADERS_BYTES, 0, workers,
                Map.of("webtransport", new H3Settings()));
        this.connects = connects;
        this.remoteAddress = ((ServerConnection) quic).getInitialRemoteAddress();
        registerBidirectionalStreamHandler(WireFormat.BIDI_SIGNAL, stream -> sessions.routeBidirectional(stream, true));
        registerUnidirectionalStreamType(WireFormat.UNI_STREAM_TYPE, sessions::routeUnidirectional);
        sessions.endWith(quic);
    }

    SessionTable sessions() {
        return sessions;
    }

    InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    protected void handleStandardRequestResponseStream(QuicStream quicStream) {
        HeadersFrame request;
        try {
            request = readRequestHeaders(quicStream.getInputStream());
        } catch (IOException | RuntimeException e) {
            answer(wrap(quicStream), 400, null);
            return;
        }
        String method = request.getPseudoHeader(HeadersFrame.PSEUDO_HEADER_METHOD);
        String protocol = request.getPseudoHeader(HeadersFrame.PSEUDO_HEADER_PROTOCOL);
        String target = request.getPseudoHeader(HeadersFrame.PSEUDO_HEADER_PATH);
        if (!"CONNECT".equals(method) || !"webtransport".equals(protocol) || target == null) {
            answer(wrap(quicStream), "CONNECT".equals(method) ? 501 : 404, null);
            return;
        }
        connects.handle(this, request, wrap(quicStream));
    }

    /** Writes a response HEADERS frame; a non-2xx answer also ends the stream. */
    void answer(HttpStream stream, int status, HttpHeaders headers) {
        try {
            OutputStream out = stream.getOutputStream();
            out.write(new HeadersFrame(headers, Map.of(HeadersFrame.PSEUDO_HEADER_STATUS, Integer.toString(status)))
                    .toBytes(qpackEncoder));
            if (status < 200 || status >= 300) {
                out.close();
                stream.abortReading(WireFormat.REQUEST_REJECTED);
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    /** Closes the QUIC connection shortly after its last session ended (the close capsule goes out first). */
    void sessionEnded(long sessionId) {
        sessions.remove(sessionId);
        if (sessions.size() == 0) {
            Timers.TIMER.schedule(() -> {
                if (sessions.size() == 0) quicConnection.close(WireFormat.H3_NO_ERROR, "");
            }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private HeadersFrame readRequestHeaders(InputStream in) throws IOException {
        for (int skipped = 0; skipped <= MAX_SKIPPED_FRAMES; skipped++) {
            long type = WireFormat.readVarint(in);
            long length = WireFormat.readVarint(in);
            if (length > MAX_HEADERS_BYTES) throw new IOException("request headers of " + length + " bytes");
            byte[] payload = WireFormat.readExactly(in, (int) length);
            if (type == 0x01) return new HeadersFrame().parsePayload(payload, qpackDecoder);
            if (type == 0x00) throw new IOException("DATA before HEADERS");
            // reserved (grease) or unknown frame types are skipped
        }
        throw new IOException("no HEADERS frame");
    }
}
