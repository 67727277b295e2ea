package dev.streamkit.quic.osgi;

import dev.streamkit.config.HostPort;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.quic.WebTransportAcceptor;
import dev.streamkit.quic.WebTransportEndpoint;
import dev.streamkit.quic.kwik.AcceptorRegistry;
import dev.streamkit.quic.kwik.KwikWebTransportServer;
import dev.streamkit.quic.kwik.StreamLimits;
import dev.streamkit.security.tls.SelfSignedCertificates;
import dev.streamkit.security.tls.TlsIdentity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for WebTransport on UDP at {@code [server].address} (the HTTP server's host and port, as StreamKit
 * does) unless {@code [server].moq_enabled = false}, and registers the running endpoint as a
 * {@link WebTransportEndpoint} service. Incoming requests go to the {@link WebTransportAcceptor} services by
 * their {@value WebTransportAcceptor#PATH_PREFIX} property (longest segment-wise prefix; none: 404).
 *
 * <p>TLS: the PEM files of {@code [server].cert_path}/{@code key_path} when {@code [server].tls} is on, else a
 * self-signed ECDSA P-256 certificate for localhost made at start, valid 14 days (browsers pin it with
 * {@code serverCertificateHashes}; {@code GET /certificate.sha256} serves its hash). A failure to listen is
 * logged and leaves the rest of the server running.
 */
@Component(immediate = true, service = {})
public final class WebTransportEndpointComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WebTransportEndpointComponent.class);

    private final AcceptorRegistry acceptors = new AcceptorRegistry();

    @Reference
    private ServerConfig config;

    private KwikWebTransportServer server;
    private ServiceRegistration<WebTransportEndpoint> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAcceptor(WebTransportAcceptor acceptor, Map<String, Object> properties) {
        Object prefix = properties.get(WebTransportAcceptor.PATH_PREFIX);
        if (prefix == null) {
            LOG.warn("WebTransport acceptor {} has no {} property; ignored", acceptor, WebTransportAcceptor.PATH_PREFIX);
            return;
        }
        acceptors.add(acceptor, prefix.toString());
    }

    void removeAcceptor(WebTransportAcceptor acceptor) {
        acceptors.remove(acceptor);
    }

    @Activate
    void activate(BundleContext context) {
        if (!config.server.moqEnabled) {
            LOG.info("WebTransport (MoQ) is off: server.moq_enabled = false");
            return;
        }
        try {
            InetSocketAddress address = HostPort.parse("server.address", config.server.address);
            server = KwikWebTransportServer.start(address, identity(), acceptors, StreamLimits.DEFAULT,
                    KwikWebTransportServer.ACCEPT_TIMEOUT);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("streamkit.webtransport.port", server.localAddress().getPort());
            registration = context.registerService(WebTransportEndpoint.class, server, properties);
            LOG.info("StreamKit/J WebTransport on https://{}:{} (UDP), certificate sha-256 {}",
                    address.getHostString(), server.localAddress().getPort(), server.certificateFingerprints().get(0));
        } catch (Exception | LinkageError e) {
            LOG.error("WebTransport on UDP {} did not start; continuing without MoQ", config.server.address, e);
            deactivate();
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
        }
        registration = null;
        if (server != null) server.close();
        server = null;
    }

    private TlsIdentity identity() throws Exception {
        ServerConfig.Server s = config.server;
        boolean pem = !isBlank(s.certPath) && !isBlank(s.keyPath);
        if (s.tls && pem) return TlsIdentity.fromPem(Path.of(s.certPath), Path.of(s.keyPath));
        if (s.tls) LOG.warn("server.tls is on without server.cert_path and key_path; WebTransport uses a self-signed certificate");
        return SelfSignedCertificates.localhost(Instant.now(), SelfSignedCertificates.WEBTRANSPORT_MAX_VALIDITY);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
