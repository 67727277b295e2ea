package dev.streamkit.quic;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Opens WebTransport sessions to servers (an OSGi service). The stage fails with an {@link java.io.IOException}
 * naming the URL when the handshake fails, the server refuses (its status in the message) or the timeout passes.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebTransportClient {

    /** Connects to {@code url} ({@code https:}; {@code http:} is taken as {@code https:} on the same port). */
    CompletionStage<WebTransportSession> connect(URI url, ClientOptions options, StreamHandler streams);
}
