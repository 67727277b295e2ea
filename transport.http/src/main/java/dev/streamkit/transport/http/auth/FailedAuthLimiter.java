package dev.streamkit.transport.http.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down token guessing: a client address that failed authentication {@code maxFailures} times within one
 * window is refused (429) until that window ends. Memory is bounded: at most {@code maxAddresses} addresses are
 * tracked; when full, expired windows are dropped first, then the oldest. Thread-safe; time comes from the
 * injected {@link InstantSource} (a {@link java.time.Clock} in production).
 */
public final class FailedAuthLimiter {

    /** The server's limits: 20 failures per minute, 10 000 addresses. */
    public static FailedAuthLimiter standard(InstantSource clock) {
        return new FailedAuthLimiter(20, Duration.ofMinutes(1), 10_000, clock);
    }

    private final int maxFailures;
    private final Duration window;
    private final int maxAddresses;
    private final InstantSource clock;
    private final Map<String, Window> byAddress = new LinkedHashMap<>();

    public FailedAuthLimiter(int maxFailures, Duration window, int maxAddresses, InstantSource clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /** Seconds {@code address} must wait before trying again (at least 1), or 0 when it may try now. */
    public synchronized long retryAfterSeconds(String address) {
        Instant now = clock.instant();
        Window current = byAddress.get(address);
        if (current == null || !current.end.isAfter(now)) return 0;
        if (current.failures < maxFailures) return 0;
        return Math.max(1, Duration.between(now, current.end).toSeconds() + 1);
    }

    /** Counts one failed authentication of {@code address}. */
    public synchronized void recordFailure(String address) {
        Instant now = clock.instant();
        Window current = byAddress.get(address);
        if (current == null || !current.end.isAfter(now)) {
            if (current == null && byAddress.size() >= maxAddresses) evict(now);
            current = new Window(now.plus(window));
            byAddress.put(address, current);
        }
        current.failures++;
    }

    /** How many addresses are tracked (for tests of the bound). */
    synchronized int tracked() {
        return byAddress.size();
    }

    private void evict(Instant now) {
        byAddress.values().removeIf(entry -> !entry.end.isAfter(now));
        Iterator<String> oldest = byAddress.keySet().iterator();
        while (byAddress.size() >= maxAddresses && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static final class Window {
        final Instant end;
        int failures;

        Window(Instant end) {
            this.end = end;
        }
    }
}
