package dev.streamkit.transport.http.limits;

/**
 * Judges one WebSocket connection from its counters, sampled by {@link SlowClientGuard}: a frame whose first
 * bytes arrived must, once it has taken {@code graceNanos}, have arrived at {@code minBytesPerSecond} on average
 * since then, or the connection is too slow (a frame trickled byte by byte, or begun and never finished). A
 * socket between frames is never judged, however long it stays quiet: control sockets are meant to sit and
 * listen. Not thread-safe (one sweeper samples it).
 */
final class FrameProgress {

    private final long graceNanos;
    private final long minBytesPerSecond;
    private long framesIn;
    private long boundaryBytes;
    private long frameStartNanos = -1;

    FrameProgress(long graceNanos, long minBytesPerSecond) {
        this.graceNanos = graceNanos;
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /**
     * @param bytesIn  bytes received on the connection so far
     * @param framesIn frames received whole so far
     */
    boolean tooSlow(long nowNanos, long bytesIn, long framesIn) {
        if (framesIn != this.framesIn) {
            this.framesIn = framesIn;
            boundaryBytes = bytesIn;
            frameStartNanos = -1;
            return false;
        }
        if (bytesIn <= boundaryBytes) return false;
        if (frameStartNanos < 0) {
            frameStartNanos = nowNanos;
            return false;
        }
        long elapsed = nowNanos - frameStartNanos;
        return elapsed >= graceNanos && (bytesIn - boundaryBytes) * 1_000_000_000.0 / elapsed < minBytesPerSecond;
    }
}
