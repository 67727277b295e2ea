package dev.streamkit.moq.session;

/**
 * A broadcast this side offers: a set of named tracks. Tracks are created up front or when first needed;
 * subscribers asking for a track that does not exist get a "not found" answer. {@link #close()} ends the
 * broadcast (the peer sees it unannounced) and every track in it.
 */
public interface BroadcastProducer extends AutoCloseable {

    /** Creates track {@code name} with a delivery {@code priority} (higher first, 0-255); fails if it exists. */
    TrackProducer createTrack(String name, int priority);

    /** Ends the broadcast and its tracks; idempotent. */
    @Override
    void close();
}
