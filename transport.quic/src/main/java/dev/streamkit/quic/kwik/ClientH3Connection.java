package dev.streamkit.quic.kwik;

import dev.streamkit.quic.StreamHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.QuicStream;
import tech.kwik.flupke.HttpError;
import tech.kwik.flupke.impl.HeadersFrame;
import tech.kwik.flupke.impl.Http3ClientConnectionImpl;
import tech.kwik.flupke.impl.Http3Frame;

/**
 * The client side of one HTTP/3 connection that carries one WebTransport session: sends the extended CONNECT
 * itself (flupke's client drops the response headers, so it could not read {@code WT-Protocol}) and routes the
 * server's WebTransport streams through a {@link SessionTable}. The QUIC connection closes shortly after the
 * session ends.
 */
final class ClientH3Connection extends Http3ClientConnectionImpl {

    private static final long SETTINGS_ENABLE_CONNECT_PROTOCOL = 0x08;
    private static final long MAX_RESPONSE_HEADERS = 16 * 1024;
    private static final long CLOSE_GRACE_MS = 500;

    private final QuicClientConnection quic;
    private final SessionTable sessions = new SessionTable();

    ClientH3Connection(QuicClientConnection quic, ExecutorService workers) {
        super(quic, workers);
        this.quic = quic;
        H3Settings.WEBTRANSPORT.forEach(this::addSettingsParameter);
        registerUnidirectionalStreamType(WireFormat.UNI_STREAM_TYPE, sessions::routeUnidirectional);
        registerBidirectionalStreamHandler(stream -> sessions.routeBidirectional(stream, true));
        sessions.endWith(quic);
    }

    /**
     * Opens a WebTransport session on {@code url} (QUIC already connected), offering {@code protocols}; fails
     * with the server's status when it refuses.
     */
    KwikSession openSession(URI url, List<String> protocols, StreamHandler handler, Duration timeout,
                            Duration openTimeout)
            throws IOException, InterruptedException {
        if (!settingsFrameReceived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IOException(url + ": no HTTP/3 SETTINGS from the server in time");
        }
        if (getPeerSettingsParameter(SETTINGS_ENABLE_CONNECT_PROTOCOL).orElse(0L) != 1L) {
            throw new IOException(url + ": the server does not support extended CONNECT (no WebTransport)");
        }
        QuicStream stream = quicConnection.createStream(true);
        sessions.reserve(stream.getStreamId());
        HttpHeaders headers = HttpHeaders.of(protocols.isEmpty() ? Map.of()
                : Map.of(ConnectHandler.AVAILABLE_PROTOCOLS, List.of(ProtocolLists.format(protocols))), (n, v) -> true);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        HeadersFrame request = new HeadersFrame(headers, Map.of(
                ":method", "CONNECT",
                ":protocol", "webtransport",
                ":scheme", "https",
                ":authority", url.getHost() + ":" + url.getPort(),
                ":path", target));
        stream.getOutputStream().write(request.toBytes(qpackEncoder));
        Http3Frame response;
        try {
            response = readFrame(stream.getInputStream(), MAX_RESPONSE_HEADERS, 0);
        } catch (HttpError e) {
            sessions.remove(stream.getStreamId());
            throw new IOException(url + ": malformed CONNECT response: " + e.getMessage(), e);
        }
        if (!(response instanceof HeadersFrame answer) || answer.getPseudoHeader(":status") == null) {
            sessions.remove(stream.getStreamId());
            throw new IOException(url + ": no CONNECT response");
        }
        int status = Integer.parseInt(answer.getPseudoHeader(":status"));
        if (status < 200 || status >= 300) {
            sessions.remove(stream.getStreamId());
            throw new IOException(url + " refused the WebTransport session: status " + status);
        }
        List<String> selected = ProtocolLists.parse(answer.headers().firstValue(ConnectHandler.SELECTED_PROTOCOL).orElse(null));
        String protocol = selected.isEmpty() ? "" : selected.get(0);
        KwikSession session = new KwikSession(this, wrap(stream), QueryStrings.path(target), protocol,
                quic.getServerAddress(), handler, openTimeout, close -> closeSoon());
        sessions.established(session);
        return session;
    }

    /** Closes the QUIC connection at once (a failed or abandoned connect). */
    void abandon() {
        quic.close(WireFormat.H3_NO_ERROR, "");
    }

    private void closeSoon() {
        Timers.TIMER.schedule(() -> quic.close(WireFormat.H3_NO_ERROR, ""), CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }
}
