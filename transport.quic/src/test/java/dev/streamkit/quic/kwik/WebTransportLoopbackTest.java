package dev.streamkit.quic.kwik;

import static dev.streamkit.quic.kwik.LoopbackFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.Acceptance;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.SendStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.SessionRequest;
import dev.streamkit.quic.WebTransportSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our client against our server over loopback QUIC: streams, subprotocols, query and close. */
class WebTransportLoopbackTest {

    private LoopbackFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new LoopbackFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void echoesABidirectionalStream() throws Exception {
        fixture.acceptAll("/echo", StreamHandlers.echo(), new CompletableFuture<>());
        WebTransportSession session = fixture.connect("/echo", List.of(), StreamHandlers.none());
        BidiStream stream = session.openBidirectional();
        byte[] payload = "hello over WebTransport".repeat(1000).getBytes(StandardCharsets.UTF_8);
        stream.output().write(payload);
        stream.finish();
        byte[] echoed = stream.input().readAllBytes();
        assertEquals(payload.length, echoed.length);
        assertEquals(new String(payload, StandardCharsets.UTF_8), new String(echoed, StandardCharsets.UTF_8));
        assertEquals("/echo", session.path());
        assertEquals("", session.protocol());
        session.close(0, "");
    }

    @Test
    void carriesUnidirectionalStreamsBothWays() throws Exception {
        CompletableFuture<String> atServer = new CompletableFuture<>();
        CompletableFuture<WebTransportSession> serverSession = new CompletableFuture<>();
        fixture.acceptAll("/uni", StreamHandlers.collectUni(atServer), serverSession);
        CompletableFuture<String> atClient = new CompletableFuture<>();
        WebTransportSession session = fixture.connect("/uni", List.of(), StreamHandlers.collectUni(atClient));

        SendStream up = session.openUnidirectional();
        up.output().write("from the client".getBytes(StandardCharsets.UTF_8));
        up.finish();
        SendStream down = await(serverSession).openUnidirectional();
        down.output().write("from the server".getBytes(StandardCharsets.UTF_8));
        down.finish();

        assertEquals("from the client", await(atServer));
        assertEquals("from the server", await(atClient));
        session.close(0, "");
    }

    @Test
    void theAcceptorChoosesAmongTheOfferedSubprotocols() throws Exception {
        CompletableFuture<SessionRequest> seen = new CompletableFuture<>();
        CompletableFuture<WebTransportSession> serverSession = new CompletableFuture<>();
        fixture.acceptors.add(request -> {
            seen.complete(request);
            String choice = request.offeredProtocols().contains("moq-lite-03") ? "moq-lite-03" : "";
            return CompletableFuture.completedFuture(new Acceptance.Accept(choice, StreamHandlers.none(), serverSession::complete));
        }, "/moq");

        WebTransportSession session = fixture.connect("/moq", List.of("moq-lite-04", "moq-lite-03", "moql"), StreamHandlers.none());
        assertEquals(List.of("moq-lite-04", "moq-lite-03", "moql"), await(seen).offeredProtocols());
        assertEquals("moq-lite-03", session.protocol());
        assertEquals("moq-lite-03", await(serverSession).protocol());
        session.close(0, "");

        WebTransportSession plain = fixture.connect("/moq", List.of(), StreamHandlers.none());
        assertEquals("", plain.protocol());
        plain.close(0, "");
    }

    @Test
    void theRequestCarriesPathAndDecodedQuery() throws Exception {
        CompletableFuture<SessionRequest> seen = new CompletableFuture<>();
        fixture.acceptors.add(request -> {
            seen.complete(request);
            return CompletableFuture.completedFuture(new Acceptance.Accept("", StreamHandlers.none(), s -> { }));
        }, "/moq");
        WebTransportSession session = fixture.connect("/moq/room%201?jwt=a.b%2Bc&x=1&x=2&flag", List.of(), StreamHandlers.none());
        SessionRequest request = await(seen);
        assertEquals("/moq/room%201", request.path());
        assertEquals("a.b+c", request.queryParameter("jwt"));
        assertEquals(List.of("1", "2"), request.query().get("x"));
        assertEquals("", request.queryParameter("flag"));
        assertEquals("/moq/room%201", session.path());
        session.close(0, "");
    }

    @Test
    void aCloseCodeAndReasonReachTheOtherSide() throws Exception {
        CompletableFuture<WebTransportSession> serverSession = new CompletableFuture<>();
        fixture.acceptAll("/close", StreamHandlers.none(), serverSession);

        WebTransportSession byClient = fixture.connect("/close", List.of(), StreamHandlers.none());
        WebTransportSession serverSide = await(serverSession);
        byClient.close(42, "client leaves");
        SessionClose seenByServer = await(serverSide.closed().toCompletableFuture());
        assertEquals(new SessionClose(42, "client leaves", true), seenByServer);
        assertEquals(new SessionClose(42, "client leaves", false), await(byClient.closed().toCompletableFuture()));

        CompletableFuture<WebTransportSession> second = new CompletableFuture<>();
        fixture.acceptors.remove(fixture.acceptors.find("/close").orElseThrow());
        fixture.acceptAll("/close", StreamHandlers.none(), second);
        WebTransportSession client = fixture.connect("/close", List.of(), StreamHandlers.none());
        await(second).close(7, "x".repeat(2000));
        SessionClose seenByClient = await(client.closed().toCompletableFuture());
        assertEquals(7, seenByClient.errorCode());
        assertTrue(seenByClient.byPeer());
        assertEquals(1024, seenByClient.reason().length(), "the reason is cut to 1024 bytes");
        assertFalse(assertThrowsIo(client));
    }

    /** Opening a stream on a closed session fails. */
    private static boolean assertThrowsIo(WebTransportSession session) {
        try {
            session.openBidirectional();
            return true;
        } catch (java.io.IOException expected) {
            return false;
        }
    }
}
