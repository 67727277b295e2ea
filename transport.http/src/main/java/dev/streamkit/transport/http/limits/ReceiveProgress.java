package dev.streamkit.transport.http.limits;

/**
 * Judges one HTTP/1 connection from its counters, sampled every second or so by {@link SlowClientGuard}: a
 * request's header must arrive within {@code headerTimeout} of its first byte, and a body still arriving
 * must have arrived at {@code minBytesPerSecond} on average since its header, once it has taken
 * {@code bodyGrace}. A connection waiting between requests, or whose request is being answered while the
 * client sends nothing, is never judged (the idle timeout bounds those). Times are in nanoseconds of any
 * monotonic clock; not thread-safe (one sweeper samples it).
 */
final class ReceiveProgress {

    private final long headerTimeoutNanos;
    private final long bodyGraceNanos;
    private final long minBytesPerSecond;

    private long lastBytes;
    private long messagesIn;
    private long messagesOut;
    private long boundaryBytes;
    private long headerStartNanos = -1;
    private long bodyStartNanos;
    private long bodyStartBytes;

    ReceiveProgress(long headerTimeoutNanos, long bodyGraceNanos, long minBytesPerSecond) {
        this.headerTimeoutNanos = headerTimeoutNanos;
        this.bodyGraceNanos = bodyGraceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /**
     * Takes a sample of the connection's counters and answers whether the client is too slow to keep.
     *
     * @param bytesIn     bytes received on the connection so far
     * @param requestsIn  requests whose header was received so far
     * @param responsesOut responses completed so far
     */
    boolean tooSlow(long nowNanos, long bytesIn, long requestsIn, long responsesOut) {
        boolean arriving = bytesIn != lastBytes;
        lastBytes = bytesIn;
        if (responsesOut != messagesOut) {
            messagesOut = responsesOut;
            boundaryBytes = bytesIn;
            headerStartNanos = -1;
        }
        if (requestsIn != messagesIn) {
            messagesIn = requestsIn;
            bodyStartNanos = nowNanos;
            bodyStartBytes = bytesIn;
            headerStartNanos = -1;
        }
        if (requestsIn <= responsesOut) return headerTooSlow(nowNanos, bytesIn);
        return arriving && bodyTooSlow(nowNanos, bytesIn);
    }

    private boolean headerTooSlow(long nowNanos, long bytesIn) {
        if (bytesIn <= boundaryBytes) return false;
        if (headerStartNanos < 0) {
            headerStartNanos = nowNanos;
            return false;
        }
        return nowNanos - headerStartNanos > headerTimeoutNanos;
    }

    private boolean bodyTooSlow(long nowNanos, long bytesIn) {
        long elapsed = nowNanos - bodyStartNanos;
        if (elapsed < bodyGraceNanos) return false;
        return (bytesIn - bodyStartBytes) * 1_000_000_000.0 / elapsed < minBytesPerSecond;
    }
}
