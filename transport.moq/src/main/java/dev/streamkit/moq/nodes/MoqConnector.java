package dev.streamkit.moq.nodes;

import dev.streamkit.moq.session.MoqSession;
import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * Opens moq-lite client sessions for the {@code transport::moq::publisher} and {@code subscriber} nodes: a
 * WebTransport connection to {@code url} (certificates not verified, like StreamKit's client nodes) with the
 * moq-lite handshake on top. Fails with an {@link java.io.IOException} naming the URL.
 */
@FunctionalInterface
public interface MoqConnector {

    /** Connects to {@code url} ({@code http:} is taken as {@code https:} on the same port). */
    CompletionStage<MoqSession> connect(URI url);
}
