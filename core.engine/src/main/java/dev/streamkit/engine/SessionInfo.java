package dev.streamkit.engine;

import java.time.Instant;

/**
 * What StreamKit lists about a session.
 *
 * @param id        UUID v4
 * @param name      unique among live sessions (given or generated from the id)
 * @param createdAt when the session was created
 * @param createdBy the role that created it (StreamKit's session ownership), or {@code null} when unknown
 */
public record SessionInfo(String id, String name, Instant createdAt, String createdBy) {

    /** A session without a recorded creator. */
    public SessionInfo(String id, String name, Instant createdAt) {
        this(id, name, createdAt, null);
    }
}
