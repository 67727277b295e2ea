package dev.streamkit.engine.internal;

import java.time.Duration;

/**
 * How the engine runs dynamic sessions, from {@code skit.toml}.
 *
 * @param files             the file read/write policy for nodes
 * @param nodeInputCapacity packets a node's mailbox holds before its senders wait
 *                          ({@code engine.node_input_capacity} or the profile's value)
 * @param maxSessions       {@code permissions.max_concurrent_sessions}, {@code null} for unlimited
 * @param destroyGrace      how long an engine that stops waits for its sessions' nodes to close
 * @param statsInterval     how often changed node counters are published ({@code nodestatsupdated})
 * @param upgradeGrace      how long a node whose plugin factory left waits for a successor before it fails
 *                          ({@code plugins.upgrade_grace_secs})
 */
public record SessionSettings(FilePolicy files, int nodeInputCapacity, Integer maxSessions, Duration destroyGrace,
                              Duration statsInterval, Duration upgradeGrace) {

    /** StreamKit's stats period. */
    public static final Duration STATS_INTERVAL = Duration.ofSeconds(2);

    /** The default wait for a plugin's successor. */
    public static final Duration UPGRADE_GRACE = Duration.ofSeconds(5);

    /** Settings with the default upgrade grace. */
    public SessionSettings(FilePolicy files, int nodeInputCapacity, Integer maxSessions, Duration destroyGrace,
                           Duration statsInterval) {
        this(files, nodeInputCapacity, maxSessions, destroyGrace, statsInterval, UPGRADE_GRACE);
    }

    public SessionSettings {
        if (nodeInputCapacity < 1) throw new IllegalArgumentException("node input capacity must be at least 1");
        if (statsInterval.isZero() || statsInterval.isNegative()) throw new IllegalArgumentException("stats interval must be positive");
    }
}
