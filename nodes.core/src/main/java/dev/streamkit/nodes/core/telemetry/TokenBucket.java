package dev.streamkit.nodes.core.telemetry;

/**
 * A token bucket: holds up to {@code capacity} tokens, gains {@code perSecond} tokens a second, and each
 * allowed event takes one. A burst of {@code capacity} events passes at once; after that events pass at
 * {@code perSecond} on average. It starts full.
 *
 * <p>Time comes from the caller ({@link System#nanoTime()} terms), so tests can drive it. Not
 * thread-safe: one node thread owns an instance.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long lastNanos;
    private boolean started;

    /**
     * @param capacity  the largest burst, at least 1
     * @param perSecond tokens gained per second, &gt; 0
     */
    public TokenBucket(double capacity, double perSecond) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        if (!(perSecond > 0)) throw new IllegalArgumentException("refill rate must be positive: " + perSecond);
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
    }

    /** Takes a token at {@code nowNanos} if one is left; {@code false} means the event should be dropped. */
    public boolean tryTake(long nowNanos) {
        if (started) tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - lastNanos) * perNano);
        started = true;
        lastNanos = nowNanos;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
