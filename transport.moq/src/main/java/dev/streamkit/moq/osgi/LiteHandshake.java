package dev.streamkit.moq.osgi;

import dev.streamkit.moq.gateway.MoqHandshake;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import java.util.function.Consumer;

/** The moq-lite handshake of the protocol layer, for the gateway. */
final class LiteHandshake implements MoqHandshake {

    @Override
    public Acceptance accept(SessionRequest request, Consumer<MoqSession> onReady) {
        return new Acceptance.Refuse(501, "moq-lite: pending the protocol layer");
    }
}
