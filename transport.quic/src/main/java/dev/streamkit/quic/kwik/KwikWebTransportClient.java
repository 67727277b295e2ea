package dev.streamkit.quic.kwik;

import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.WebTransportClient;
import dev.streamkit.quic.WebTransportSession;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.kwik.core.QuicClientConnection;
import tech.kwik.core.log.NullLogger;

/**
 * Opens WebTransport sessions over kwik + flupke, one QUIC connection per session. Trust: pinned certificate
 * hashes, else (with {@code insecure}) any certificate, said once in the log, else the JDK's trust store.
 * The peer may open as many streams at once as {@link StreamLimits} allow. {@link #close()} drops every
 * connection still open at once (a QUIC CONNECTION_CLOSE, no WebTransport close capsule), as a client that
 * goes away does.
 */
public final class KwikWebTransportClient implements WebTransportClient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KwikWebTransportClient.class);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_WORKERS = 1024;
    private static final String KWIK_NO_WARNINGS = "tech.kwik.core.no-security-warnings";

    private final ExecutorService workers = Workers.create("skit-wt-client", MAX_WORKERS);
    private final StreamLimits limits;
    private final AtomicBoolean insecureWarned = new AtomicBoolean();
    /** Connections whose session is open (or opening), closed by {@link #close()}. */
    private final Set<ClientH3Connection> connections = ConcurrentHashMap.newKeySet();

    public KwikWebTransportClient(StreamLimits limits) {
        this.limits = limits;
        // kwik prints a warning to stdout for every connection without its own certificate check; this class
        // logs its own (once) for insecure connections, and pinned ones are checked
        if (System.getProperty(KWIK_NO_WARNINGS) == null) System.setProperty(KWIK_NO_WARNINGS, "true");
    }

    @Override
    public CompletionStage<WebTransportSession> connect(URI url, ClientOptions requested, StreamHandler streams) {
        ClientOptions options = requested.connectTimeout() != null ? requested : new ClientOptions(requested.protocols(),
                requested.certificateHashes(), requested.insecure(), DEFAULT_CONNECT_TIMEOUT);
        StreamHandler handler = streams != null ? streams : RefusingHandler.INSTANCE;
        URI target;
        try {
            target = httpsOf(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IOException(e.getMessage(), e));
        }
        AtomicReference<ClientH3Connection> connection = new AtomicReference<>();
        CompletableFuture<WebTransportSession> result = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    result.complete(open(target, options, handler, connection));
                } catch (Exception | LinkageError e) {
                    result.completeExceptionally(e instanceof IOException ? e
                            : new IOException(target + ": " + e.getMessage(), e));
                }
            });
        } catch (RuntimeException rejected) {
            result.completeExceptionally(new IOException(target + ": no worker free to connect", rejected));
        }
        return result.orTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((session, failure) -> {
                    if (failure == null) return session;
                    ClientH3Connection open = connection.get();
                    if (open != null) open.abandon();
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        cause = new IOException(target + ": no WebTransport session within "
                                + options.connectTimeout().toMillis() + " ms");
                    }
                    throw new CompletionException(cause);
                });
    }

    private WebTransportSession open(URI url, ClientOptions options, StreamHandler streams,
                                     AtomicReference<ClientH3Connection> holder) throws Exception {
        QuicClientConnection.Builder builder = QuicClientConnection.newBuilder()
                .uri(URI.create("https://" + url.getHost() + ":" + url.getPort()))
                .applicationProtocol("h3")
                .connectTimeout(options.connectTimeout())
                .maxIdleTimeout(IDLE_TIMEOUT)
                .maxOpenPeerInitiatedBidirectionalStreams(limits.bidirectional())
                .maxOpenPeerInitiatedUnidirectionalStreams(limits.quicUnidirectional())
                .logger(new NullLogger());
        if (!options.certificateHashes().isEmpty()) {
            // the hash is the identity (as serverCertificateHashes in browsers): kwik's "no check" also turns off
            // its host name check, then the pinning trust manager replaces its trust-all one
            builder.noServerCertificateCheck();
            builder.customTrustManager(new PinnedCertificates(options.certificateHashes()));
        } else if (options.insecure()) {
            if (insecureWarned.compareAndSet(false, true)) {
                LOG.warn("WebTransport client: certificate checks are off for insecure connections (first: {})", url);
            }
            builder.noServerCertificateCheck();
        }
        QuicClientConnection quic = builder.build();
        ClientH3Connection connection = new ClientH3Connection(quic, workers);
        holder.set(connection);
        connections.add(connection);
        KwikSession session;
        try {
            connection.connect();
            session = connection.openSession(url, options.protocols(), streams, options.connectTimeout(),
                    limits.openTimeout());
        } catch (Exception | LinkageError e) {
            connections.remove(connection);
            throw e;
        }
        session.closed().whenComplete((close, error) -> connections.remove(connection));
        workers.execute(session::readCapsulesUntilClosed);
        return session;
    }

    /** {@code http:} is taken as {@code https:} on the same port; the default port is 443. */
    static URI httpsOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("WebTransport needs an https URL, got " + url);
        }
        int port = url.getPort() > 0 ? url.getPort() : 443;
        return URI.create("https://" + hostOf(url) + ":" + port + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    private static String hostOf(URI url) {
        String host = url.getHost();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Closes every connection still open at once, without closing their sessions first, and stops the workers. */
    @Override
    public void close() {
        for (ClientH3Connection connection : connections) connection.abandon();
        connections.clear();
        workers.shutdownNow();
    }
}
