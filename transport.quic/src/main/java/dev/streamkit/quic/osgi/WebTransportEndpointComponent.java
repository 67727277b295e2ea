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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
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
 * {@code serverCertificateHashes}; {@code GET /certificate.sha256} serves its hash). The endpoint starts on a
 * thread of its own once the framework has started, so shortly after the HTTP server first answers; a failure to listen is logged and leaves the rest
 * of the server running.
 */
@Component(immediate = true, service = {})
public final class WebTransportEndpointComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WebTransportEndpointComponent.class);

    private static final long START_WAIT_MS = 10_000;

    private final AcceptorRegistry acceptors = new AcceptorRegistry();

    @Reference
    private ServerConfig config;

    private final Object lock = new Object();
    private Thread starter;
    private FrameworkListener frameworkStarted;
    private boolean stopped;
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

    /**
     * Starts the endpoint on its own thread once the framework has started: key generation and kwik's class
     * loading stay off the path to the HTTP server's first answer.
     */
    @Activate
    void activate(BundleContext context) {
        if (!config.server.moqEnabled) {
            LOG.info("WebTransport (MoQ) is off: server.moq_enabled = false");
            return;
        }
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        if (framework.getState() == Bundle.ACTIVE) {
            startThread(context);
            return;
        }
        frameworkStarted = event -> {
            if (event.getType() == FrameworkEvent.STARTED) startThread(context);
        };
        context.addFrameworkListener(frameworkStarted);
    }

    private void startThread(BundleContext context) {
        synchronized (lock) {
            if (stopped || starter != null) return;
            starter = new Thread(() -> start(context), "skit-wt-start");
            starter.setDaemon(true);
            starter.start();
        }
    }

    private void start(BundleContext context) {
        KwikWebTransportServer started;
        InetSocketAddress address;
        try {
            address = HostPort.parse("server.address", config.server.address);
            started = KwikWebTransportServer.start(address, identity(), acceptors, StreamLimits.DEFAULT,
                    KwikWebTransportServer.ACCEPT_TIMEOUT);
        } catch (Exception | LinkageError e) {
            LOG.error("WebTransport on UDP {} did not start; continuing without MoQ", config.server.address, e);
            return;
        }
        synchronized (lock) {
            if (stopped) {
                started.close();
                return;
            }
            server = started;
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("streamkit.webtransport.port", started.localAddress().getPort());
            try {
                registration = context.registerService(WebTransportEndpoint.class, started, properties);
            } catch (IllegalStateException bundleStopping) {
                return;
            }
        }
        LOG.info("StreamKit/J WebTransport on https://{}:{} (UDP), certificate sha-256 {}",
                address.getHostString(), started.localAddress().getPort(), started.certificateFingerprints().get(0));
    }

    @Deactivate
    void deactivate(BundleContext context) throws InterruptedException {
        if (frameworkStarted != null) {
            try {
                context.removeFrameworkListener(frameworkStarted);
            } catch (IllegalStateException bundleStopping) {
                // listeners go with the bundle
            }
        }
        Thread running;
        synchronized (lock) {
            stopped = true;
            running = starter;
        }
        if (running != null) running.join(START_WAIT_MS);
        synchronized (lock) {
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
