package dev.streamkit.moq.session;

/**
 * A change in the set of broadcasts the peer offers.
 *
 * @param path   the broadcast path, relative to the prefix asked for
 * @param active {@code true} when announced, {@code false} when withdrawn
 */
public record Announcement(String path, boolean active) {
}
