package dev.streamkit.transport.http.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections of clients that trickle (slowloris), judged by the {@link SlowClientLimits}:
 * <ul>
 *   <li>HTTP/1 ({@link #connectionFactory}): a header not complete {@code headerTimeout} after its first byte, or
 *       a body arriving at less than {@code minBytesPerSecond} on average once it has taken {@code bodyGrace}
 *       ({@link ReceiveProgress}). Jetty 12 keeps {@code HttpConfiguration.setMinRequestDataRate} but no longer
 *       enforces it, and its idle timeout never fires while a byte arrives every few seconds.</li>
 *   <li>cleartext HTTP/2 ({@link #h2cConnectionFactory}): frames arriving while no stream is open must open one
 *       within {@code headerTimeout}; a stream's body is judged by {@link #watchBody} (a stalled body fails its
 *       request, the connection stays).</li>
 *   <li>WebSocket ({@link #webSocketWatcher}, on the connector): a frame begun must keep the minimum rate once
 *       past the grace ({@link FrameProgress}); the upgrade request itself is an HTTP/1 header.</li>
 * </ul>
 * A sweeper thread samples everything watched every {@link #SWEEP}.
 */
public final class SlowClientGuard implements AutoCloseable {

    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);

    /** Something judged at each sweep and cut when too slow. */
    private record Watched(LongPredicate tooSlow, Runnable cut) {
    }

    private final SlowClientLimits limits;
    private final Map<Object, Watched> watched = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "skit-http-slow-clients");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sweeping with {@code limits}. */
    public SlowClientGuard(SlowClientLimits limits) {
        this.limits = limits;
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The limits applied. */
    public SlowClientLimits limits() {
        return limits;
    }

    /** An HTTP/1.1 connection factory whose connections this guard watches until they close or upgrade. */
    public HttpConnectionFactory connectionFactory(HttpConfiguration configuration) {
        return new HttpConnectionFactory(configuration) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                Connection connection = super.newConnection(connector, endPoint);
                ReceiveProgress progress = new ReceiveProgress(limits.headerTimeout().toNanos(), limits.bodyGrace().toNanos(),
                        limits.minBytesPerSecond());
                watchConnection(connection, now -> progress.tooSlow(now, connection.getBytesIn(), connection.getMessagesIn(),
                        connection.getMessagesOut()));
                return connection;
            }
        };
    }

    /**
     * A cleartext HTTP/2 connection factory (prior knowledge, or the upgrade from an HTTP/1 connection) whose
     * connections this guard watches until they close.
     */
    public HTTP2CServerConnectionFactory h2cConnectionFactory(HttpConfiguration configuration) {
        return new HTTP2CServerConnectionFactory(configuration) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                Connection connection = super.newConnection(connector, endPoint);
                if (connection instanceof HTTP2Connection http2) {
                    ReceiveProgress progress = ReceiveProgress.headersOnly(limits.headerTimeout().toNanos());
                    watchConnection(connection, now -> progress.tooSlow(now, http2.getBytesIn(), http2.getMessagesIn(),
                            http2.getMessagesOut()));
                }
                return connection;
            }
        };
    }

    /** A listener to add to the connector: it watches each WebSocket connection the upgrades open. */
    public Connection.Listener webSocketWatcher() {
        return new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection instanceof WebSocketConnection socket) {
                    FrameProgress progress = new FrameProgress(limits.bodyGrace().toNanos(), limits.minBytesPerSecond());
                    watchConnection(connection, now -> progress.tooSlow(now, socket.getBytesIn(), socket.getMessagesIn()));
                }
            }
        };
    }

    /**
     * Watches an HTTP/2 request body until {@code progress} is complete or {@link AutoCloseable#close} is called;
     * when it is too slow, {@code fail} runs (once) and the watch ends.
     */
    AutoCloseable watchBody(BodyProgress progress, Runnable fail) {
        watched.put(progress, new Watched(now -> !progress.isComplete() && progress.tooSlow(now), fail));
        return () -> watched.remove(progress);
    }

    private void watchConnection(Connection connection, LongPredicate tooSlow) {
        watched.put(connection, new Watched(tooSlow, () -> connection.getEndPoint().close()));
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                watched.remove(closed);
            }
        });
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int cut = 0;
            for (Map.Entry<Object, Watched> entry : watched.entrySet()) {
                if (entry.getValue().tooSlow().test(now) && watched.remove(entry.getKey()) != null) {
                    entry.getValue().cut().run();
                    cut++;
                }
            }
            if (cut > 0) LOG.debug("Cut {} connection(s) or request(s) sending too slowly", cut);
        } catch (RuntimeException e) {
            LOG.warn("Slow client sweep failed", e);
        }
    }

    /** Stops sweeping; the connections are left to the server. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        watched.clear();
    }
}
