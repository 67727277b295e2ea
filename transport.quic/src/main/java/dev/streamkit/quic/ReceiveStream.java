package dev.streamkit.quic;

import java.io.InputStream;

/**
 * The receiving half of a stream. {@link #input()} returns -1 at the peer's clean finish and throws
 * {@link java.io.IOException} when the peer reset the stream or the session closed. {@link #abort(long)} tells
 * the peer to stop sending (STOP_SENDING) and makes further reads fail.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ReceiveStream {

    /** The stream's bytes, blocking until data, the end or an error arrives. */
    InputStream input();

    /** Stops reading with {@code errorCode}; idempotent, never throws. */
    void abort(long errorCode);
}
