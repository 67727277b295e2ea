package dev.streamkit.moq.session;

/**
 * A broadcast announced by the peer (or a local one), to subscribe to. Subscribing sends SUBSCRIBE for remote
 * broadcasts; the returned consumer fails with {@link MoqException} when the peer refuses or drops it.
 */
public interface BroadcastConsumer {

    /** The broadcast's path, relative to the session's path. */
    String path();

    /** Subscribes to {@code track} with {@code priority} (higher first, 0-255). */
    TrackConsumer subscribe(String track, int priority);
}
