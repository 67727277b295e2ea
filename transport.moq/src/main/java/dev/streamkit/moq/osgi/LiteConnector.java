package dev.streamkit.moq.osgi;

import dev.streamkit.moq.nodes.MoqConnector;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.WebTransportClient;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** moq-lite over the WebTransport client, certificates unverified (StreamKit's client nodes), logged once. */
final class LiteConnector implements MoqConnector {

    private final WebTransportClient transport;

    LiteConnector(WebTransportClient transport) {
        this.transport = transport;
    }

    @Override
    public CompletionStage<MoqSession> connect(URI url) {
        return CompletableFuture.failedFuture(new java.io.IOException(url + ": moq-lite client pending the protocol layer"));
    }
}
