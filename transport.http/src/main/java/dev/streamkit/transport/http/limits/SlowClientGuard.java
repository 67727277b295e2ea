package dev.streamkit.transport.http.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes HTTP/1 connections of clients that trickle a request (slowloris): a header not complete
 * {@link #HEADER_TIMEOUT} after its first byte, or a body arriving at less than {@link #MIN_BODY_BYTES_PER_SECOND}
 * on average once it has taken {@link #BODY_GRACE} ({@link ReceiveProgress}). Jetty 12 keeps
 * {@code HttpConfiguration.setMinRequestDataRate} but no longer enforces it, and its idle timeout never fires
 * while a byte arrives every few seconds. The connections come from {@link #connectionFactory}; a sweeper
 * thread samples them every {@link #SWEEP}. WebSocket and HTTP/2 connections are not judged.
 */
public final class SlowClientGuard implements AutoCloseable {

    public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration BODY_GRACE = Duration.ofSeconds(10);
    public static final long MIN_BODY_BYTES_PER_SECOND = 128;
    static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);

    private final Map<Connection, ReceiveProgress> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "skit-http-slow-clients");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sweeping. */
    public SlowClientGuard() {
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An HTTP/1.1 connection factory whose connections this guard watches until they close or upgrade. */
    public HttpConnectionFactory connectionFactory(HttpConfiguration configuration) {
        return new HttpConnectionFactory(configuration) {
            @Override
            public Connection newConnection(Connector connector, EndPoint endPoint) {
                Connection connection = super.newConnection(connector, endPoint);
                watch(connection);
                return connection;
            }
        };
    }

    private void watch(Connection connection) {
        connections.put(connection, new ReceiveProgress(HEADER_TIMEOUT.toNanos(), BODY_GRACE.toNanos(), MIN_BODY_BYTES_PER_SECOND));
        connection.addEventListener(new Connection.Listener() {
            @Override
            public void onClosed(Connection closed) {
                connections.remove(closed);
            }
        });
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int closed = 0;
            for (Map.Entry<Connection, ReceiveProgress> entry : connections.entrySet()) {
                Connection connection = entry.getKey();
                if (entry.getValue().tooSlow(now, connection.getBytesIn(), connection.getMessagesIn(), connection.getMessagesOut())) {
                    connections.remove(connection);
                    connection.getEndPoint().close();
                    closed++;
                }
            }
            if (closed > 0) LOG.debug("Closed {} HTTP connection(s) sending too slowly", closed);
        } catch (RuntimeException e) {
            LOG.warn("Slow client sweep failed", e);
        }
    }

    /** Stops sweeping; the connections are left to the server. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        connections.clear();
    }
}
