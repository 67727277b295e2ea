package dev.streamkit.transport.http.limits;

import dev.streamkit.config.ServerConfig;
import java.time.Duration;

/**
 * The limits against slow clients, from {@code [server]}: {@code request_header_timeout_secs} (a request
 * header, HTTP/1 or HTTP/2, must be complete this long after its first byte), {@code request_body_grace_secs}
 * and {@code min_request_body_rate} (a request body, or a WebSocket frame, still arriving after the grace must
 * have averaged at least this many bytes per second), and {@code request_body_idle_timeout_secs} (HTTP/1: how
 * long a request body may pause).
 *
 * @param headerTimeout        time from a header's first byte to its end
 * @param bodyGrace            time a body or frame may take before its rate is judged
 * @param minBytesPerSecond    the least average rate of a body or frame once judged
 * @param bodyIdleTimeout      the longest silence inside an HTTP/1 request body
 */
public record SlowClientLimits(Duration headerTimeout, Duration bodyGrace, long minBytesPerSecond, Duration bodyIdleTimeout) {

    /** The limits {@code server} sets (its defaults: 10 s, 10 s, 128 B/s, 10 s). */
    public static SlowClientLimits of(ServerConfig.Server server) {
        return new SlowClientLimits(seconds(server.requestHeaderTimeoutSecs, "request_header_timeout_secs"),
                seconds(server.requestBodyGraceSecs, "request_body_grace_secs"),
                positive(server.minRequestBodyRate, "min_request_body_rate"),
                seconds(server.requestBodyIdleTimeoutSecs, "request_body_idle_timeout_secs"));
    }

    private static Duration seconds(double value, String key) {
        if (!(value > 0)) throw new IllegalArgumentException("[server] " + key + " must be positive, not " + value);
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private static long positive(long value, String key) {
        if (value <= 0) throw new IllegalArgumentException("[server] " + key + " must be positive, not " + value);
        return value;
    }
}
