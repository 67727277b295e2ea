package dev.streamkit.transport.http3.osgi;

import dev.streamkit.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves transport.http's routes over HTTP/3 on {@code [server].http3_address}: adds a QUIC (quiche) connector
 * to the Jetty {@link Server} that transport.http registers as a service. With {@code http3_address} unset
 * (the default) this component does nothing, so no Jetty QUIC class and no native library is ever loaded.
 *
 * <p>TLS: {@code server.cert_path}/{@code key_path} (PEM) when both are set, otherwise a self-signed
 * certificate for {@code localhost}/{@code 127.0.0.1} generated once into {@code <data dir>/http3/}.
 * A failure to start HTTP/3 is logged and leaves the TCP listener running.
 */
@Component(immediate = true, service = {})
public final class Http3Component {

    /** Service property transport.http puts on its Jetty {@code Server} registration. */
    static final String SERVER_FILTER = "(streamkit.http.server=main)";
    /** Framework property the launcher sets to the data folder ({@code .skit-data} by default). */
    static final String DATA_DIR_PROPERTY = "streamkit.data.dir";

    private static final Logger LOG = LoggerFactory.getLogger(Http3Component.class);

    @Reference
    private ServerConfig config;

    @Reference(target = SERVER_FILTER)
    private Server server;

    private Http3Listener listener;

    @Activate
    void activate(BundleContext context) {
        String address = config.server.http3Address;
        if (address == null || address.isBlank()) return;
        try {
            Path dir = http3Dir(context.getProperty(DATA_DIR_PROPERTY));
            listener = Http3Listener.start(server, address, config.server.certPath, config.server.keyPath, dir);
            LOG.info("StreamKit/J listening on https://{}:{} (HTTP/3, UDP)", listener.host(), listener.port());
        } catch (Exception | LinkageError e) {
            LOG.error("HTTP/3 on {} did not start; continuing without it", address, e);
        }
    }

    @Deactivate
    void deactivate() {
        if (listener != null) listener.stop();
        listener = null;
    }

    /** {@code <data dir>/http3}, or a temporary folder when the data folder cannot be written. */
    static Path http3Dir(String dataDir) throws IOException {
        Path data = Path.of(dataDir != null ? dataDir : System.getProperty("skit.data", ".skit-data"));
        try {
            return Files.createDirectories(data.toAbsolutePath().resolve("http3"));
        } catch (IOException | SecurityException e) {
            LOG.warn("cannot use {} for HTTP/3 TLS files ({}); using a temporary folder", data, e.toString());
            return Files.createTempDirectory("skit-http3");
        }
    }
}
