package dev.streamkit.transport.http.limits;

/**
 * Judges one HTTP/2 request body (a stream of a shared connection) by what its handler reads: while the
 * handler waits for data the client has not sent, the body must have averaged {@code minBytesPerSecond} since
 * the request began once it has taken {@code graceNanos}; silence counts as no bytes. A handler that is busy
 * (it has data it has not asked for more) or done is never judged. Reads are reported by the request's thread,
 * samples taken by the sweeper.
 */
final class BodyProgress {

    private final long startNanos;
    private final long graceNanos;
    private final long minBytesPerSecond;
    private volatile long bytesRead;
    private volatile boolean waiting;
    private volatile boolean complete;

    BodyProgress(long startNanos, long graceNanos, long minBytesPerSecond) {
        this.startNanos = startNanos;
        this.graceNanos = graceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /**
     * The handler read a chunk of {@code bytes} ({@code null} chunk: nothing was there, it waits).
     *
     * @param last whether the body is complete
     */
    void onRead(Integer bytes, boolean last) {
        if (bytes == null) {
            waiting = true;
            return;
        }
        bytesRead += bytes;
        waiting = false;
        if (last) complete = true;
    }

    boolean isComplete() {
        return complete;
    }

    boolean tooSlow(long nowNanos) {
        if (complete || !waiting) return false;
        long elapsed = nowNanos - startNanos;
        return elapsed >= graceNanos && bytesRead * 1_000_000_000.0 / elapsed < minBytesPerSecond;
    }
}
