package dev.streamkit.moq.session;

/** The writing end of one group: frames in order, then {@link #finish()} (or {@link #abort(long)}). */
public interface GroupProducer {

    /** The group's sequence number within its track. */
    long sequence();

    /** Appends a frame; the array is owned by the group from now on. */
    void writeFrame(byte[] payload);

    /** Ends the group cleanly; idempotent. */
    void finish();

    /** Ends the group with {@code errorCode}; idempotent. */
    void abort(long errorCode);
}
