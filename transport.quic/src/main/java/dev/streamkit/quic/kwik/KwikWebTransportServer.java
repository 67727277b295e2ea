package dev.streamkit.quic.kwik;

import dev.streamkit.quic.WebTransportEndpoint;
import dev.streamkit.security.tls.TlsIdentity;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import tech.kwik.core.log.NullLogger;
import tech.kwik.core.server.ServerConnectionConfig;
import tech.kwik.core.server.ServerConnector;

/**
 * The WebTransport server endpoint on kwik + flupke: one UDP socket, ALPN {@code h3}, every CONNECT decided by
 * the acceptors of an {@link AcceptorRegistry}. Stopping it closes every connection (bounded by kwik's close
 * timeout) and the socket.
 */
public final class KwikWebTransportServer implements WebTransportEndpoint, AutoCloseable {

    /** How long an acceptor may take to decide before the request is refused with 504. */
    public static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(35);
    private static final int IDLE_TIMEOUT_SECONDS = 30;
    private static final int MAX_WORKERS = 2048;

    private final ServerConnector connector;
    private final DatagramSocket socket;
    private final ExecutorService workers;
    private final List<String> fingerprints;
    private final InetSocketAddress localAddress;

    private KwikWebTransportServer(ServerConnector connector, DatagramSocket socket, ExecutorService workers,
                                   List<String> fingerprints) {
        this.connector = connector;
        this.socket = socket;
        this.workers = workers;
        this.fingerprints = List.copyOf(fingerprints);
        this.localAddress = (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /**
     * Binds {@code address} (UDP; port 0 picks a free one) and starts serving.
     *
     * @param acceptTimeout how long an acceptor may take ({@link #ACCEPT_TIMEOUT} in production)
     */
    public static KwikWebTransportServer start(InetSocketAddress address, TlsIdentity identity, AcceptorRegistry acceptors,
                                               StreamLimits limits, Duration acceptTimeout) throws Exception {
        List<String> fingerprints = identity.fingerprints();
        DatagramSocket socket = new DatagramSocket(address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address);
        ExecutorService workers = Workers.create("skit-wt", MAX_WORKERS);
        try {
            ServerConnectionConfig config = ServerConnectionConfig.builder()
                    .maxIdleTimeoutInSeconds(IDLE_TIMEOUT_SECONDS)
                    .maxOpenPeerInitiatedBidirectionalStreams(limits.quicBidirectional())
                    .maxOpenPeerInitiatedUnidirectionalStreams(limits.quicUnidirectional())
                    .maxBidirectionalStreamBufferSize(limits.streamBuffer())
                    .maxUnidirectionalStreamBufferSize(limits.streamBuffer())
                    .maxConnectionBufferSize(limits.connectionBuffer())
                    .build();
            ServerConnector connector = ServerConnector.builder()
                    .withSocket(socket)
                    .withKeyStore(identity.keyStore(), TlsIdentity.ALIAS, identity.password(), curveOf(identity))
                    .withConfiguration(config)
                    .withLogger(new NullLogger())
                    .build();
            ConnectHandler connects = new ConnectHandler(acceptors, workers, acceptTimeout, limits.openTimeout());
            connector.registerApplicationProtocol("h3", new ServerConnectionFactory(workers, connects, limits));
            connector.start();
            return new KwikWebTransportServer(connector, socket, workers, fingerprints);
        } catch (Exception | LinkageError e) {
            socket.close();
            workers.shutdownNow();
            throw e;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public List<String> certificateFingerprints() {
        return fingerprints;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } finally {
            socket.close();
            workers.shutdownNow();
        }
    }

    /** kwik needs the curve of an EC key named; P-256 is what browsers pin, other keys (RSA) need none. */
    private static String curveOf(TlsIdentity identity) throws GeneralSecurityException {
        if (!(identity.privateKey() instanceof ECKey ec)) return null;
        int bits = ec.getParams().getCurve().getField().getFieldSize();
        return bits == 384 ? "secp384r1" : bits == 521 ? "secp521r1" : "secp256r1";
    }
}
