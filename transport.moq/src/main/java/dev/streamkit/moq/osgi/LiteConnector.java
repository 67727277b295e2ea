package dev.streamkit.moq.osgi;

import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.nodes.MoqConnector;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.WebTransportClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** moq-lite over the WebTransport client, certificates unverified as StreamKit's client nodes do (logged once). */
final class LiteConnector implements MoqConnector {

    /** Bound on the QUIC handshake plus the CONNECT exchange. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LiteConnector.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final ClientOptions INSECURE = new ClientOptions(List.of(), List.of(), true, CONNECT_TIMEOUT);

    private final WebTransportClient transport;
    private final MoqLimits limits;

    LiteConnector(WebTransportClient transport, MoqLimits limits) {
        this.transport = transport;
        this.limits = limits;
    }

    @Override
    public CompletionStage<MoqSession> connect(URI url) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn("transport::moq client nodes do not verify relay certificates (as StreamKit's)");
        }
        return MoqLite.connect(transport, url, INSECURE, limits);
    }
}
