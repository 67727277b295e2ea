package dev.streamkit.quic.kwik;

import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportAcceptor;
import dev.streamkit.quic.WebTransportSession;
import dev.streamkit.security.tls.SelfSignedCertificates;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Our own server and client on loopback, for the tests of this package. */
final class LoopbackFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);

    final AcceptorRegistry acceptors = new AcceptorRegistry();
    final KwikWebTransportServer server;
    final KwikWebTransportClient client;

    LoopbackFixture(StreamLimits limits, Duration acceptTimeout) throws Exception {
        server = KwikWebTransportServer.start(new InetSocketAddress("127.0.0.1", 0),
                SelfSignedCertificates.localhost(Instant.now(), SelfSignedCertificates.WEBTRANSPORT_MAX_VALIDITY),
                acceptors, limits, acceptTimeout);
        client = new KwikWebTransportClient(limits);
    }

    LoopbackFixture() throws Exception {
        this(StreamLimits.DEFAULT, KwikWebTransportServer.ACCEPT_TIMEOUT);
    }

    URI url(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + server.localAddress().getPort() + pathAndQuery);
    }

    ClientOptions options(List<String> protocols) {
        return new ClientOptions(protocols, server.certificateFingerprints(), false, WAIT);
    }

    /** Connects to {@code pathAndQuery}; waits for the outcome. */
    WebTransportSession connect(String pathAndQuery, List<String> protocols, StreamHandler streams) throws Exception {
        return client.connect(url(pathAndQuery), options(protocols), streams).toCompletableFuture()
                .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
    }

    /** Registers an acceptor taking every request on {@code prefix} with {@code streams}; the server's sessions go to {@code sessions}. */
    void acceptAll(String prefix, StreamHandler streams, CompletableFuture<WebTransportSession> sessions) {
        WebTransportAcceptor acceptor = request -> CompletableFuture.completedFuture(
                new Acceptance.Accept("", streams, sessions::complete));
        acceptors.add(acceptor, prefix);
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
