package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.WebTransportClient;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Entry points of moq-lite over WebTransport, for the gateway (server role) and the client nodes.
 *
 * <pre>
 * // server: in a WebTransportAcceptor
 * String protocol = MoqLite.chooseProtocol(request.offeredProtocols());
 * return protocol == null ? new Acceptance.Refuse(400, "no moq-lite subprotocol")
 *                         : MoqLite.accept(protocol, MoqLimits.defaults(), session -&gt; session.publish("output", broadcast));
 * // client
 * MoqLite.connect(client, URI.create("https://relay:4545/moq"), options, MoqLimits.defaults())
 *        .thenCompose(session -&gt; session.consume("input", Duration.ofSeconds(10)));
 * </pre>
 */
public final class MoqLite {

    /** What a client offers when its options name no subprotocol, best first. */
    public static final List<String> CLIENT_PROTOCOLS =
            List.of(MoqVersion.PROTOCOL_LITE_04, MoqVersion.PROTOCOL_LITE_03, MoqVersion.PROTOCOL_SETUP);

    private MoqLite() {
    }

    /**
     * The subprotocol to answer for {@code offered}: {@code moq-lite-04}, else {@code moq-lite-03}, else
     * {@code moql}; the empty string when nothing was offered (SETUP decides); {@code null} when only others
     * (e.g. IETF {@code moqt-*}) were offered.
     */
    public static String chooseProtocol(List<String> offered) {
        if (offered.isEmpty()) {
            return "";
        }
        for (String protocol : CLIENT_PROTOCOLS) {
            if (offered.contains(protocol)) {
                return protocol;
            }
        }
        return null;
    }

    /**
     * Accepts a session on {@code protocol} (as {@link #chooseProtocol} gave it); {@code onReady} runs on an
     * implementation thread once the version is agreed (at once for lite-03/04, after SETUP otherwise).
     */
    public static Acceptance.Accept accept(String protocol, MoqLimits limits, Consumer<MoqSession> onReady) {
        if (!CLIENT_PROTOCOLS.contains(protocol) && !protocol.isEmpty()) {
            throw new IllegalArgumentException("not a moq-lite subprotocol: " + protocol);
        }
        SessionStarter starter = new SessionStarter(true, protocol, limits, onReady);
        return new Acceptance.Accept(protocol, starter, starter::established);
    }

    /**
     * Connects to {@code url}, offering {@link #CLIENT_PROTOCOLS} when {@code options} names none; completes
     * with the session once the version is agreed, or fails with the transport's or SETUP's error.
     */
    public static CompletionStage<MoqSession> connect(WebTransportClient client, URI url, ClientOptions options,
                                                      MoqLimits limits) {
        ClientOptions offered = options.protocols().isEmpty()
                ? new ClientOptions(CLIENT_PROTOCOLS, options.certificateHashes(), options.insecure(),
                options.connectTimeout())
                : options;
        SessionStarter starter = new SessionStarter(false, "", limits, session -> { });
        return client.connect(url, offered, starter).thenCompose(session -> {
            starter.established(session);
            return starter.ready();
        }).thenApply(session -> session);
    }
}
