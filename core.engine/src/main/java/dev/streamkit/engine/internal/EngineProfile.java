package dev.streamkit.engine.internal;

import dev.streamkit.config.ServerConfig;
import java.util.Locale;

/**
 * StreamKit's {@code engine.profile} presets for dynamic sessions: how many packets a node's input holds
 * and how many a pin distributor holds. An explicit {@code engine.node_input_capacity} /
 * {@code engine.pin_distributor_capacity} beats the profile; no profile means 128 / 64.
 *
 * <p>This engine has no distributor queues (an output pin hands packets straight to its links), so only
 * the input capacity changes how it runs; the distributor figure is reported for compatibility.
 */
public enum EngineProfile {
    LOW_LATENCY("low-latency", 8, 4),
    BALANCED("balanced", 32, 16),
    HIGH_THROUGHPUT("high-throughput", 128, 64);

    private static final int DEFAULT_INPUT = 128;
    private static final int DEFAULT_DISTRIBUTOR = 64;

    private final String key;
    private final int nodeInputCapacity;
    private final int pinDistributorCapacity;

    EngineProfile(String key, int nodeInputCapacity, int pinDistributorCapacity) {
        this.key = key;
        this.nodeInputCapacity = nodeInputCapacity;
        this.pinDistributorCapacity = pinDistributorCapacity;
    }

    /** The profile named {@code key} (as written in {@code skit.toml}, case-insensitive; {@code _} = {@code -}). */
    public static EngineProfile of(String key) {
        String normal = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EngineProfile profile : values()) {
            if (profile.key.equals(normal)) return profile;
        }
        throw new IllegalArgumentException("engine.profile: unknown profile '" + key
                + "' (expected low-latency, balanced or high-throughput)");
    }

    /** The node input capacity {@code engine} asks for: explicit value, else profile, else 128. */
    public static int nodeInputCapacity(ServerConfig.Engine engine) {
        if (engine.nodeInputCapacity != null) return positive("engine.node_input_capacity", engine.nodeInputCapacity);
        return engine.profile == null ? DEFAULT_INPUT : of(engine.profile).nodeInputCapacity;
    }

    /** The pin distributor capacity {@code engine} asks for: explicit value, else profile, else 64. */
    public static int pinDistributorCapacity(ServerConfig.Engine engine) {
        if (engine.pinDistributorCapacity != null) {
            return positive("engine.pin_distributor_capacity", engine.pinDistributorCapacity);
        }
        return engine.profile == null ? DEFAULT_DISTRIBUTOR : of(engine.profile).pinDistributorCapacity;
    }

    private static int positive(String key, int value) {
        if (value < 1) throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        return value;
    }
}
