package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.nodes.core.telemetry.TokenBucket;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Publishes a telemetry node's events on the bus, rate-limited per event type: each type has a
 * {@link TokenBucket} holding one second's worth of events ({@code max_events_per_sec}) and refilling at
 * that rate. Dropped events are counted and reported as {@value #HEALTH_EVENT_TYPE}
 * {@code {dropped_due_to_rate_limit, dropped_due_to_full}} at most once a second, counting the drops
 * since the previous report; nothing is reported while nothing is dropped.
 *
 * <p>NOTE: {@code dropped_due_to_full} stays 0: {@link Outputs#telemetry} never blocks and does not tell
 * the node when the engine drops an event for a lagging observer. It is kept for StreamKit's shape.
 * At most {@value #MAX_TRACKED_TYPES} event types are tracked; beyond that the buckets start over, so a
 * stream of ever-new types cannot grow the map without bound. Not thread-safe: the node's thread owns it.
 */
final class TelemetryPublisher {

    static final String HEALTH_EVENT_TYPE = "telemetry.health";
    static final long HEALTH_INTERVAL_NANOS = 1_000_000_000L;
    static final int MAX_TRACKED_TYPES = 1_024;

    private final int maxPerSecond;
    private final LongSupplier nanoClock;
    private final Map<String, TokenBucket> buckets = new HashMap<>();
    private long droppedByRateLimit;
    private Long lastHealthNanos;

    /**
     * @param maxPerSecond events allowed per event type and second; 0 disables the limit
     * @param nanoClock    the monotonic clock ({@code System::nanoTime}; tests pass their own)
     */
    TelemetryPublisher(int maxPerSecond, LongSupplier nanoClock) {
        this.maxPerSecond = maxPerSecond;
        this.nanoClock = nanoClock;
    }

    /** Publishes {@code event} on {@code out}, unless its type used up its rate. */
    void publish(TelemetryEvent event, Outputs out) {
        if (maxPerSecond > 0 && !bucket(event.eventType()).tryTake(nanoClock.getAsLong())) {
            droppedByRateLimit++;
            return;
        }
        out.telemetry(event);
    }

    /** Publishes a health event when events were dropped since the last one, at most once a second. */
    void publishHealth(Outputs out) {
        if (droppedByRateLimit == 0) return;
        long now = nanoClock.getAsLong();
        if (lastHealthNanos != null && now - lastHealthNanos < HEALTH_INTERVAL_NANOS) return;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dropped_due_to_rate_limit", droppedByRateLimit);
        data.put("dropped_due_to_full", 0L);
        out.telemetry(TelemetryEvent.now(HEALTH_EVENT_TYPE, data));
        droppedByRateLimit = 0;
        lastHealthNanos = now;
    }

    private TokenBucket bucket(String eventType) {
        TokenBucket bucket = buckets.get(eventType);
        if (bucket != null) return bucket;
        if (buckets.size() >= MAX_TRACKED_TYPES) buckets.clear();
        bucket = new TokenBucket(maxPerSecond, maxPerSecond);
        buckets.put(eventType, bucket);
        return bucket;
    }
}
