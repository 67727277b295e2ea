package dev.streamkit.moq.session;

import java.time.Duration;

/**
 * The reading end of a track subscription. Groups come in sequence order; one that is too far behind the
 * newest is skipped. {@link #close()} unsubscribes.
 */
public interface TrackConsumer extends AutoCloseable {

    /**
     * The next group, waiting at most {@code timeout}; {@code null} once the track ended cleanly.
     *
     * @throws MoqException when the track was aborted or its session lost
     * @throws java.util.concurrent.TimeoutException when nothing arrived in time (the track is still open)
     */
    GroupConsumer nextGroup(Duration timeout) throws MoqException, java.util.concurrent.TimeoutException,
            InterruptedException;

    /** Unsubscribes; idempotent. */
    @Override
    void close();
}
