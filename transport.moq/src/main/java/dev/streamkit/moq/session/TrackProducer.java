package dev.streamkit.moq.session;

/**
 * The writing end of a track. Each {@link #appendGroup()} starts a group with the next sequence number (the
 * previous group, if still open, is finished first). {@link #close()} ends the track cleanly; {@link
 * #abort(long)} ends it with an error code.
 */
public interface TrackProducer extends AutoCloseable {

    /** Starts the next group. */
    GroupProducer appendGroup();

    /** How many consumers (local or on the wire) read this track now. */
    int consumerCount();

    /** Ends the track; idempotent. */
    @Override
    void close();

    /** Ends the track with {@code errorCode}; idempotent. */
    void abort(long errorCode);
}
