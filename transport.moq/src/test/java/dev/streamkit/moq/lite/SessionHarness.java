package dev.streamkit.moq.lite;

import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.testing.PipeClient;
import dev.streamkit.moq.testing.PipeSession;
import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.ClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A moq-lite client and server session joined by the in-memory transport. */
final class SessionHarness implements AutoCloseable {

    static final long WAIT_SECONDS = 10;

    final PipeClient client;
    final CompletableFuture<MoqSession> server = new CompletableFuture<>();
    MoqSession clientSession;

    SessionHarness(MoqLimits serverLimits) {
        client = new PipeClient(request -> {
            String protocol = MoqLite.chooseProtocol(request.offeredProtocols());
            return protocol == null ? new Acceptance.Refuse(400, "no moq-lite")
                    : MoqLite.accept(protocol, serverLimits, server::complete);
        });
    }

    /** A harness whose server publishes {@code broadcast} at its path as soon as each session is ready. */
    static SessionHarness publishing(LocalBroadcast broadcast, MoqLimits serverLimits) {
        SessionHarness harness = new SessionHarness(serverLimits);
        harness.server.thenAccept(session -> session.publish(broadcast.path(), broadcast));
        return harness;
    }

    /** Connects offering {@code protocols}; SETUP (if any) offers {@code setupOffer}. */
    SessionHarness connect(List<String> protocols, List<Long> setupOffer, MoqLimits clientLimits) throws Exception {
        SessionStarter starter = new SessionStarter(false, "", clientLimits, session -> { }, setupOffer);
        ClientOptions options = new ClientOptions(protocols, List.of(), true, Duration.ofSeconds(5));
        clientSession = client.connect(URI.create("https://127.0.0.1:4545/moq"), options, starter)
                .thenCompose(transport -> {
                    starter.established(transport);
                    return starter.ready();
                }).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    MoqSession serverSession() throws Exception {
        return server.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    PipeSession serverTransport() {
        return client.lastServerEnd();
    }

    @Override
    public void close() {
        if (clientSession != null) {
            clientSession.close();
        }
    }
}
