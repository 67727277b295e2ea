package dev.streamkit.api.pipeline;

/**
 * Delivery on a connection: {@link #RELIABLE} waits for a slow consumer (backpressure);
 * {@link #BEST_EFFORT} keeps only the latest pending packet and counts drops. JSON: snake_case names.
 */
public enum ConnectionMode {
    RELIABLE, BEST_EFFORT;

    /** {@code "reliable"} or {@code "best_effort"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
