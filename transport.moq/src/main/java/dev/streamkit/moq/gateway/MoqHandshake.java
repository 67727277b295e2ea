package dev.streamkit.moq.gateway;

import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import java.util.function.Consumer;

/**
 * Turns an admitted WebTransport request into a moq-lite session: picks a subprotocol the client offered
 * (refusing with 400 when there is none it speaks) and hands the session to {@code onReady} once the
 * version is agreed. The protocol layer implements it; tests use a double.
 */
@FunctionalInterface
public interface MoqHandshake {

    /** The answer to give the transport for {@code request}. */
    Acceptance accept(SessionRequest request, Consumer<MoqSession> onReady);
}
