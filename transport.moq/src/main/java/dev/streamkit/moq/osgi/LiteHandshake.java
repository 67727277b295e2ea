package dev.streamkit.moq.osgi;

import dev.streamkit.moq.gateway.MoqHandshake;
import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.SessionRequest;
import java.util.function.Consumer;

/** The moq-lite handshake for the gateway: a subprotocol the client offered, or 400 when it speaks none. */
final class LiteHandshake implements MoqHandshake {

    private final MoqLimits limits;

    LiteHandshake(MoqLimits limits) {
        this.limits = limits;
    }

    @Override
    public Acceptance accept(SessionRequest request, Consumer<MoqSession> onReady) {
        String protocol = MoqLite.chooseProtocol(request.offeredProtocols());
        if (protocol == null) {
            return new Acceptance.Refuse(400, "no moq-lite subprotocol among " + request.offeredProtocols());
        }
        return MoqLite.accept(protocol, limits, onReady);
    }
}
