package dev.streamkit.quic;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sending half of a stream. Bytes written to {@link #output()} are sent in order; {@link #finish()} ends the
 * stream cleanly (QUIC FIN) and {@link #reset(long)} abandons it with an application error code (RESET_STREAM),
 * after which the peer may not see data already written. Writes block while the peer's flow control is
 * exhausted. One thread at a time writes a given stream.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SendStream {

    /** The stream's bytes; closing it is the same as {@link #finish()}. */
    OutputStream output();

    /** Sends what was written and ends the stream; idempotent. */
    void finish() throws IOException;

    /** Abandons the stream with {@code errorCode}; idempotent, never throws. */
    void reset(long errorCode);
}
