package dev.streamkit.transport.http3.osgi;

import dev.streamkit.config.HostPort;
import dev.streamkit.security.tls.TlsIdentity;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.http3.server.HTTP3ServerConnectionFactory;
import org.eclipse.jetty.http3.server.HTTP3ServerQuicConfiguration;
import org.eclipse.jetty.quic.quiche.server.QuicheServerConnector;
import org.eclipse.jetty.quic.quiche.server.QuicheServerQuicConfiguration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running HTTP/3 connector on a started Jetty server. The only class here that touches Jetty's QUIC
 * classes (and, through them, the native quiche library), so nothing of that loads unless HTTP/3 is configured.
 */
final class Http3Listener {

    private static final long IDLE_TIMEOUT_MS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(Http3Listener.class);

    private final Server server;
    private final QuicheServerConnector connector;

    private Http3Listener(Server server, QuicheServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Adds and starts an HTTP/3 connector on {@code address} ({@code host:port}, UDP). */
    static Http3Listener start(Server server, String address, String certPath, String keyPath, Path dir) throws Exception {
        InetSocketAddress hostPort = HostPort.parse("server.http3_address", address);
        TlsIdentity keys;
        if (isSet(certPath) && isSet(keyPath)) {
            keys = TlsIdentity.fromPem(Path.of(certPath), Path.of(keyPath));
        } else {
            if (isSet(certPath) || isSet(keyPath)) {
                LOG.warn("HTTP/3: server.cert_path and server.key_path must both be set; using a self-signed certificate");
            }
            keys = TlsKeyStores.selfSigned(dir);
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keys.keyStore());
        tls.setKeyStorePassword(new String(keys.password()));

        // The PEM work folder receives the key pair exported for quiche (deleted again on stop).
        Path pem = Files.createDirectories(dir.resolve("pem"));
        TlsKeyStores.restrictToOwner(pem);
        // Without HTTP3ServerQuicConfiguration.configure, Jetty advertises no unidirectional streams and
        // HTTP/3 clients (Chromium, flupke) close the connection.
        QuicheServerQuicConfiguration quic = HTTP3ServerQuicConfiguration.configure(new QuicheServerQuicConfiguration(pem));

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        QuicheServerConnector connector = new QuicheServerConnector(server, tls, quic, new HTTP3ServerConnectionFactory(http));
        connector.setHost(hostPort.getHostString());
        connector.setPort(hostPort.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        // Added to a running server the connector is an unmanaged bean: start and stop it here.
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception | LinkageError e) {
            server.removeConnector(connector);
            throw e;
        }
        return new Http3Listener(server, connector);
    }

    String host() {
        return connector.getHost();
    }

    int port() {
        return connector.getLocalPort();
    }

    void stop() {
        try {
            connector.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP/3 connector failed", e);
        } finally {
            server.removeConnector(connector);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
