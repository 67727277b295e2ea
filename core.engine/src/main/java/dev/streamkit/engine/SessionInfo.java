package dev.streamkit.engine;

import java.time.Instant;

/**
 * What StreamKit lists about a session.
 *
 * @param id        UUID v4
 * @param name      unique among live sessions (given or generated from the id)
 * @param createdAt when the session was created
 */
public record SessionInfo(String id, String name, Instant createdAt) {
}
