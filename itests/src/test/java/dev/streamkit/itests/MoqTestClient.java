package dev.streamkit.itests;

import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackBounds;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.ReceiveStream;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportSession;
import dev.streamkit.quic.kwik.KwikWebTransportClient;
import dev.streamkit.quic.kwik.StreamLimits;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WebTransport client of the tests' server with its own QUIC connections: moq-lite sessions (this project's
 * client, like the {@code transport::moq::*} nodes), or raw WebTransport sessions for hostile peers. Every
 * connect is bounded by {@link #CONNECT_TIMEOUT}. {@link #close()} drops its QUIC connections at once, without a
 * WebTransport close: to the server, a client that vanished.
 */
final class MoqTestClient implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Tracks received wait up to 1 s for a group that is late on the wire before skipping it (the nodes wait
     * 40 ms): the tests measure what the server delivers, not how this busy test JVM schedules 50 sessions'
     * streams, so a group its threads got to late still counts.
     */
    static final MoqLimits PATIENT = new MoqLimits(256, 1024, 128, 1 << 20, 64 * 1024, Duration.ofSeconds(10),
            new TrackBounds(128, 1 << 20, Duration.ofSeconds(1)));

    private final KwikWebTransportClient client = new KwikWebTransportClient(StreamLimits.DEFAULT);
    private final int port;

    MoqTestClient(int port) {
        this.port = port;
    }

    /** A moq-lite session on {@code pathAndQuery} (e.g. {@code /moq/input?jwt=...}). */
    MoqSession connect(String pathAndQuery) throws Exception {
        return MoqLite.connect(client, url(pathAndQuery), new ClientOptions(List.of(), List.of(), true, CONNECT_TIMEOUT),
                PATIENT).toCompletableFuture().get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /**
     * A bare WebTransport session offering {@code moq-lite-04} (no SETUP), whose streams from the server are
     * refused: the caller writes raw bytes.
     */
    WebTransportSession connectRaw(String pathAndQuery) throws Exception {
        return client.connect(url(pathAndQuery), new ClientOptions(List.of("moq-lite-04"), List.of(), true, CONNECT_TIMEOUT),
                refusingStreams()).toCompletableFuture().get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private URI url(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + port + pathAndQuery);
    }

    /** Drops every connection at once (QUIC CONNECTION_CLOSE, no WebTransport session close). */
    @Override
    public void close() {
        client.close();
    }

    /** A handler that resets every stream the server opens. */
    static StreamHandler refusingStreams() {
        return new StreamHandler() {
            @Override
            public void onBidirectional(BidiStream stream) {
                stream.reset(0);
                stream.abort(0);
            }

            @Override
            public void onUnidirectional(ReceiveStream stream) {
                stream.abort(0);
            }
        };
    }
}
