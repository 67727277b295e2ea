package dev.streamkit.quic.kwik;

import java.util.concurrent.ExecutorService;
import tech.kwik.core.QuicConnection;
import tech.kwik.core.server.ApplicationProtocolConnection;
import tech.kwik.core.server.ApplicationProtocolConnectionFactory;

/** Makes a {@link ServerH3Connection} for every QUIC connection that negotiated ALPN {@code h3}. */
final class ServerConnectionFactory implements ApplicationProtocolConnectionFactory {

    private final ExecutorService workers;
    private final ConnectHandler connects;
    private final StreamLimits limits;

    ServerConnectionFactory(ExecutorService workers, ConnectHandler connects, StreamLimits limits) {
        this.workers = workers;
        this.connects = connects;
        this.limits = limits;
    }

    @Override
    public ApplicationProtocolConnection createConnection(String protocol, QuicConnection quicConnection) {
        return new ServerH3Connection(quicConnection, workers, connects);
    }

    @Override
    public int maxConcurrentPeerInitiatedUnidirectionalStreams() {
        return limits.quicUnidirectional();
    }

    @Override
    public int maxConcurrentPeerInitiatedBidirectionalStreams() {
        return limits.quicBidirectional();
    }

    @Override
    public int minUnidirectionalStreamReceiverBufferSize() {
        return 1024;
    }

    @Override
    public long maxUnidirectionalStreamReceiverBufferSize() {
        return limits.streamBuffer();
    }

    @Override
    public long maxBidirectionalStreamReceiverBufferSize() {
        return limits.streamBuffer();
    }
}
