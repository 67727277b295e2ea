package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.kwik.KwikWebTransportClient;
import dev.streamkit.quic.kwik.StreamLimits;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebTransport endpoint of the running server: UDP on the HTTP port, a path no session has registered held
 * by the MoQ gateway (which waits up to 30 s for a session's route, answering 404 after), and absent (routes
 * answering 404) with {@code server.moq_enabled = false}. Refusal statuses of paths without an acceptor are
 * covered by transport.quic's RefusalTest.
 */
class WebTransportEndpointTest {

    @TempDir
    Path dir;

    @Test
    void listensOnTheHttpPortAndHoldsAnUnroutedPathForTheGateway() throws Exception {
        try (SkitServer server = SkitServer.start(dir, "");
             KwikWebTransportClient client = new KwikWebTransportClient(StreamLimits.DEFAULT)) {
            String hash = null;
            for (int attempt = 0; attempt < 100 && hash == null; attempt++) {
                HttpResponse<String> response = server.get("/certificate.sha256");
                if (response.statusCode() == 200) hash = response.body();
                else Thread.sleep(100);
            }
            assertTrue(hash != null, "no certificate hash:\n" + server.log());
            assertTrue(udpPortTaken(server.port), "UDP " + server.port + " is the WebTransport endpoint's");
            ClientOptions options = new ClientOptions(List.of("moq-lite-04"), List.of(hash), false, Duration.ofSeconds(2));
            ExecutionException held = assertThrows(ExecutionException.class, () -> client.connect(
                    URI.create("https://127.0.0.1:" + server.port + "/moq"), options, MoqTestClient.refusingStreams())
                    .toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, held.getCause());
            assertTrue(held.getCause().getMessage().contains("no WebTransport session within"), held.getCause().getMessage());
            assertEquals(200, server.get("/healthz").statusCode());
        }
    }

    @Test
    void moqDisabledMeansNoUdpListenerAndNoCertificate() throws Exception {
        try (SkitServer server = SkitServer.start(dir, "moq_enabled = false\n")) {
            HttpResponse<String> certificate = server.get("/certificate.sha256");
            assertEquals(404, certificate.statusCode());
            assertTrue(certificate.body().contains("\"error\""), certificate.body());
            assertEquals(404, server.get("/api/v1/moq/fingerprints").statusCode());
            assertTrue(!udpPortTaken(server.port), "nothing listens on UDP " + server.port);
            assertTrue(server.log().contains("moq_enabled = false"), server.log());
        }
    }

    private static boolean udpPortTaken(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return false;
        } catch (SocketException taken) {
            return true;
        }
    }
}
