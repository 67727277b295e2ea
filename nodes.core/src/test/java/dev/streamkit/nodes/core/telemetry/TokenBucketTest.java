package dev.streamkit.nodes.core.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MS = 1_000_000L;

    private static int taken(TokenBucket bucket, int attempts, long atNanos) {
        int taken = 0;
        for (int i = 0; i < attempts; i++) if (bucket.tryTake(atNanos)) taken++;
        return taken;
    }

    @Test
    void letsAFullBurstThroughThenNothingAtTheSameInstant() {
        TokenBucket bucket = new TokenBucket(5, 5);
        assertEquals(5, taken(bucket, 20, 0));
        assertFalse(bucket.tryTake(0));
    }

    @Test
    void refillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(10, 10);
        assertEquals(10, taken(bucket, 10, 0));
        assertFalse(bucket.tryTake(99 * MS), "one token takes 100 ms");
        assertTrue(bucket.tryTake(100 * MS));
        assertEquals(10, taken(bucket, 50, 10_000 * MS), "a long pause refills only up to the capacity");
    }

    @Test
    void passesTheRateOnAverageOverALongRun() {
        TokenBucket bucket = new TokenBucket(100, 100);
        int passed = 0;
        for (long t = 0; t < 10_000; t++) if (bucket.tryTake(t * MS)) passed++;
        assertTrue(passed >= 1_000 && passed <= 1_100, "10 s at 1000 attempts/s passed " + passed);
    }

    @Test
    void rejectsAnEmptyBucketOrNoRefill() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
    }
}
