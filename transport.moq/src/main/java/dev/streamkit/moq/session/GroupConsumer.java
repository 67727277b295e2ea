package dev.streamkit.moq.session;

import java.time.Duration;

/** The reading end of one group: its frames in order. */
public interface GroupConsumer {

    /** The group's sequence number within its track. */
    long sequence();

    /**
     * The next frame, waiting at most {@code timeout}; {@code null} at the group's clean end.
     *
     * @throws MoqException when the group was aborted or its session lost
     * @throws java.util.concurrent.TimeoutException when nothing arrived in time
     */
    byte[] readFrame(Duration timeout) throws MoqException, java.util.concurrent.TimeoutException,
            InterruptedException;
}
