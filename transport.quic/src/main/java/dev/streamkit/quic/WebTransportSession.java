package dev.streamkit.quic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * An established WebTransport session. Streams opened here are the caller's to finish; streams the peer opens go
 * to the {@link StreamHandler} given when the session was accepted or connected. {@link #close(long, String)}
 * ends the session and every stream on it; {@link #closed()} completes (never exceptionally) once the session is
 * gone, whichever side ended it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebTransportSession {

    /** The request path the session was opened on, without the query, e.g. {@code /moq/input}. */
    String path();

    /** The subprotocol both sides agreed on ({@code WT-Protocol}), or the empty string for none. */
    String protocol();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** Opens a bidirectional stream; fails once the session is closed or the peer's stream limit is reached. */
    BidiStream openBidirectional() throws IOException;

    /** Opens a unidirectional stream; fails once the session is closed or the peer's stream limit is reached. */
    SendStream openUnidirectional() throws IOException;

    /** Closes the session with an application error code and a short reason (at most 1024 bytes are sent). */
    void close(long errorCode, String reason);

    /** Completes with how the session ended. */
    CompletionStage<SessionClose> closed();
}
