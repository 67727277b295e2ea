package dev.streamkit.engine.internal;

import java.time.Duration;

/**
 * How the engine runs dynamic sessions, from {@code skit.toml}.
 *
 * @param files             the file read/write policy for nodes
 * @param nodeInputCapacity packets a node's mailbox holds before its senders wait
 *                          ({@code engine.node_input_capacity} or the profile's value)
 * @param maxSessions       {@code permissions.max_concurrent_sessions}, {@code null} for unlimited
 * @param destroyGrace      how long destroy waits for nodes to stop before closing them
 * @param statsInterval     how often changed node counters are published ({@code nodestatsupdated})
 */
public record SessionSettings(FilePolicy files, int nodeInputCapacity, Integer maxSessions, Duration destroyGrace,
                              Duration statsInterval) {

    /** StreamKit's stats period. */
    public static final Duration STATS_INTERVAL = Duration.ofSeconds(2);

    public SessionSettings {
        if (nodeInputCapacity < 1) throw new IllegalArgumentException("node input capacity must be at least 1");
        if (statsInterval.isZero() || statsInterval.isNegative()) throw new IllegalArgumentException("stats interval must be positive");
    }
}
