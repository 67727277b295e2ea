package dev.streamkit.transport.http.limits;

/**
 * Judges one connection from its counters, sampled every second or so by {@link SlowClientGuard}: a
 * request's header must arrive within {@code headerTimeout} of its first byte, and (HTTP/1) a body still
 * arriving must have arrived at {@code minBytesPerSecond} on average since its header, once it has taken
 * {@code bodyGrace}. A connection waiting between requests, or whose request is being answered while the
 * client sends nothing, is never judged (the idle timeout bounds those). On HTTP/2 ({@link #headersOnly})
 * requests are streams: bytes arriving while no stream is open (frames that never complete a request's
 * headers, or control frames alone) must open one within {@code headerTimeout}; open streams are judged one
 * by one ({@link BodyProgress}), as a client legitimately sends window updates while it downloads. Times are
 * in nanoseconds of any monotonic clock; not thread-safe (one sweeper samples it).
 */
final class ReceiveProgress {

    private final long headerTimeoutNanos;
    private final long bodyGraceNanos;
    private final long minBytesPerSecond;
    private final boolean judgeBodies;

    private long lastBytes;
    private long messagesIn;
    private long messagesOut;
    private long boundaryBytes;
    private long headerStartNanos = -1;
    private long bodyStartNanos;
    private long bodyStartBytes;

    /** An HTTP/1 connection's judge: headers and bodies. */
    ReceiveProgress(long headerTimeoutNanos, long bodyGraceNanos, long minBytesPerSecond) {
        this(headerTimeoutNanos, bodyGraceNanos, minBytesPerSecond, true);
    }

    private ReceiveProgress(long headerTimeoutNanos, long bodyGraceNanos, long minBytesPerSecond, boolean judgeBodies) {
        this.headerTimeoutNanos = headerTimeoutNanos;
        this.bodyGraceNanos = bodyGraceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
        this.judgeBodies = judgeBodies;
    }

    /** An HTTP/2 connection's judge: requests are streams opened and closed; only the time to open one counts. */
    static ReceiveProgress headersOnly(long headerTimeoutNanos) {
        return new ReceiveProgress(headerTimeoutNanos, 0, 0, false);
    }

    /**
     * Takes a sample of the connection's counters and answers whether the client is too slow to keep.
     *
     * @param bytesIn     bytes received on the connection so far
     * @param requestsIn  requests whose header was received so far (HTTP/2: streams opened)
     * @param responsesOut responses completed so far (HTTP/2: streams closed)
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
        return judgeBodies && arriving && bodyTooSlow(nowNanos, bytesIn);
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
