package dev.streamkit.transport.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAuthLimiterTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final FailedAuthLimiter limiter = new FailedAuthLimiter(3, Duration.ofMinutes(1), 4, () -> now);

    @Test
    void blocksAnAddressAfterItsFailuresUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.retryAfterSeconds("10.0.0.1"));
            limiter.recordFailure("10.0.0.1");
        }
        long wait = limiter.retryAfterSeconds("10.0.0.1");
        assertTrue(wait >= 1 && wait <= 61, "Retry-After within the window: " + wait);
        assertEquals(0, limiter.retryAfterSeconds("10.0.0.2"), "other addresses are not affected");
        now = now.plus(Duration.ofSeconds(61));
        assertEquals(0, limiter.retryAfterSeconds("10.0.0.1"), "a new window");
    }

    @Test
    void tracksABoundedNumberOfAddresses() {
        for (int i = 0; i < 100; i++) limiter.recordFailure("10.0.1." + i);
        assertTrue(limiter.tracked() <= 4, "tracked: " + limiter.tracked());
        for (int i = 0; i < 3; i++) limiter.recordFailure("10.0.2.1");
        assertTrue(limiter.retryAfterSeconds("10.0.2.1") > 0, "the newest address is still limited");
    }
}
