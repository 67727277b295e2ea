package dev.streamkit.api.pipeline;

/** How a pipeline runs: once per HTTP request, or as a long-running session. JSON: lowercase names. */
public enum EngineMode {
    ONESHOT, DYNAMIC;

    /** {@code "oneshot"} or {@code "dynamic"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
