package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.quic.SendStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.WebTransportSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability of the MoQ gateway against bad peers, over loopback QUIC: while one publisher feeds a
 * {@code transport::moq::peer} session and one watcher receives its output, clients that open an unknown stream
 * type, send a malformed message or flood the server with announcements are each closed with an error code, and
 * the watcher receives every frame meanwhile. The publisher then vanishes mid-group: the peer turns
 * {@code Recovering}, the session and the server live on.
 */
class MoqBadPeersTest {

    /** Codes of moq-lite's "decode", "unexpected stream" and "bounds exceeded" errors. */
    private static final long DECODE = 5;
    private static final long UNEXPECTED_STREAM = 10;
    private static final long BOUNDS_EXCEEDED = 11;
    private static final int FRAMES = 405;
    /** One more than the server's announcement bound per session (1024). */
    private static final int FLOOD = 1025;
    private static final long WAIT_S = 10;

    @RegisterExtension
    static final RunningServer running = new RunningServer("").destroyingSessionsAfterEach();

    @TempDir
    Path dir;

    @Test
    void badPeersAreClosedWhileTheGoodOnesCarryOn() throws Exception {
        SkitServer server = running.get();
        List<byte[]> tone = OpusTone.packets(dir, 2.0);
        try (ControlClient control = ControlClient.connect(server.port); MoqTestClient client = new MoqTestClient(server.port)) {
            String peer = control.createSession("moq-bad", MoqPeers.gainSession("/moq/bad", true, 1.0));
            try (HangWatcher watcher = HangWatcher.watch(client.connect("/moq/bad/output"), "output")) {
                CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> publish(server.port, tone));

                assertClosed(unknownStreamType(client, false), UNEXPECTED_STREAM, "an unknown uni stream type");
                assertClosed(unknownStreamType(client, true), UNEXPECTED_STREAM, "an unknown bidi stream type");
                assertClosed(malformedSubscribe(client), DECODE, "a malformed SUBSCRIBE");
                assertClosed(announceFlood(client), BOUNDS_EXCEEDED, FLOOD + " announcements");

                long sent = publishing.get(FRAMES * 20L / 1000 + 30, TimeUnit.SECONDS);
                List<JsonNode> events = control.eventsUntil(e -> MoqPeers.recovering(e, peer, MoqPeers.PEER, "waiting_for_publisher"),
                        15_000, "the peer Recovering after its publisher vanished");
                long received = watcher.settled();
                System.out.printf("MoqBadPeersTest: the watcher received %d of %d frames while bad peers came and went%n",
                        received, sent);
                assertEquals(sent, received, sent * 0.1, "frames the good watcher received");
                assertTrue(watcher.sessionOpen(), "the good watcher kept its session");
                assertNull(watcher.failure());
                assertTrue(events.stream().noneMatch(NodeEvents::isEnd), () -> "no node of the session ended: " + events);
                assertEquals(200, server.get("/api/v1/sessions/" + peer + "/pipeline").statusCode());
                assertEquals(200, server.get("/healthz").statusCode());
            }
        }
    }

    private static long publish(int port, List<byte[]> tone) {
        try {
            return HangPublisher.publishThenVanish(port, "/moq/bad/input", tone, FRAMES);
        } catch (Exception e) {
            throw new IllegalStateException("the good publisher failed", e);
        }
    }

    /** A watcher session whose first stream has a type moq-lite does not define (63). */
    private static CompletionStage<SessionClose> unknownStreamType(MoqTestClient client, boolean bidirectional) throws Exception {
        WebTransportSession session = client.connectRaw("/moq/bad/output");
        SendStream stream = bidirectional ? session.openBidirectional() : session.openUnidirectional();
        stream.output().write(0x3f);
        stream.output().flush();
        return session.closed();
    }

    /** A SUBSCRIBE stream whose message is three bytes of an eight-byte varint. */
    private static CompletionStage<SessionClose> malformedSubscribe(MoqTestClient client) throws Exception {
        WebTransportSession session = client.connectRaw("/moq/bad/output");
        SendStream stream = session.openBidirectional();
        stream.output().write(new byte[] {2, 3, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        stream.finish();
        return session.closed();
    }

    /** A bidirectional client (the base path) announcing more broadcasts than the server takes. */
    private static CompletionStage<SessionClose> announceFlood(MoqTestClient client) throws Exception {
        MoqSession session = client.connect("/moq/bad");
        for (int i = 0; i < FLOOD; i++) session.publish("flood/" + i, new LocalBroadcast("flood/" + i));
        return session.closed();
    }

    /** Asserts that the server closed the session whose end is {@code closed} within {@value #WAIT_S} s with {@code code}. */
    private static void assertClosed(CompletionStage<SessionClose> closed, long code, String what) throws Exception {
        SessionClose close = closed.toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
        System.out.printf("MoqBadPeersTest: %s: closed with %d (%s)%n", what, close.errorCode(), close.reason());
        assertEquals(code, close.errorCode(), what + ": " + close);
    }
}
