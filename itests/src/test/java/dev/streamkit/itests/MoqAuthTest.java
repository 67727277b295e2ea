package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's MoQ acceptance over real QUIC, with {@code [auth] mode = "enabled"} on loopback: the gateway refuses
 * (401) a connection without a token, with an API token (wrong audience) and with a MoQ token whose root does not
 * cover the path; a MoQ token's {@code put} and {@code get} decide publishing (403 outside it) and watching; a
 * path under {@code [auth].moq_public_paths} needs no token. No token reaches the server's log.
 */
class MoqAuthTest {

    private static final String AUTH_TOML = """
            [auth]
            mode = "enabled"
            moq_public_paths = ["/moq/open"]
            """;

    @TempDir
    Path work;

    @Test
    void theGatewayChecksTheMoqTokenOfEveryConnection() throws Exception {
        List<byte[]> tone = OpusTone.packets(work, 1.0);
        try (SkitServer server = SkitServer.start(work, AUTH_TOML); MoqTestClient client = new MoqTestClient(server.port)) {
            String admin = AuthApi.adminToken(work);
            createSession(server, admin, "moq-auth", "/moq/auth");
            createSession(server, admin, "moq-open", "/moq/open");
            String api = AuthApi.mint(server, admin, "admin", 600).get("token").asText();
            String elsewhere = AuthApi.mintMoq(server, admin, "/moq/other", List.of(""), List.of(""));
            String watchOnly = AuthApi.mintMoq(server, admin, "/moq/auth", List.of(""), List.of("not-input"));
            String publishing = AuthApi.mintMoq(server, admin, "/moq/auth", List.of(""), List.of("input"));

            assertRefused(client, "/moq/auth/output", 401, "no token");
            assertRefused(client, "/moq/auth/output?jwt=" + api, 401, "an API token");
            assertRefused(client, "/moq/auth/output?jwt=" + elsewhere, 401, "a MoQ token for another root");
            assertRefused(client, "/moq/auth/input?jwt=" + watchOnly, 403, "publishing outside the token's put");

            try (HangWatcher watcher = HangWatcher.watch(client.connect("/moq/auth/output?jwt=" + watchOnly), "output");
                 HangWatcher open = HangWatcher.watch(client.connect("/moq/open/output"), "output")) {
                new HangPublisher(client.connect("/moq/auth/input?jwt=" + publishing), "input", tone).send(50);
                new HangPublisher(client.connect("/moq/open/input"), "input", tone).send(50);
                long watched = watcher.settled();
                long watchedOpen = open.settled();
                System.out.printf("MoqAuthTest: %d frames watched with a token, %d on the public path (50 sent each)%n",
                        watched, watchedOpen);
                assertTrue(watched > 0, "the watcher allowed by get received the broadcast");
                assertTrue(watchedOpen > 0, "the public path's watcher received its broadcast");
            }

            String log = server.log();
            for (String token : List.of(admin, api, elsewhere, watchOnly, publishing)) {
                assertFalse(log.contains(token), "a token in the server log");
            }
            assertTrue(log.contains("refused: Invalid token: wrong audience"), "the API token was refused for its audience:\n" + log);
        }
    }

    private static void createSession(SkitServer server, String admin, String name, String gatewayPath) throws Exception {
        HttpResponse<String> created = server.send("POST", "/api/v1/sessions", ControlClient.JSON.writeValueAsString(
                Map.of("name", name, "yaml", MoqPeers.gainSession(gatewayPath, true, 1.0))), AuthApi.bearer(admin));
        assertEquals(200, created.statusCode(), created.body());
    }

    private static void assertRefused(MoqTestClient client, String pathAndQuery, int status, String what) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> client.connect(pathAndQuery), what);
        assertInstanceOf(IOException.class, refused.getCause(), what);
        assertTrue(refused.getCause().getMessage().contains("status " + status), what + ": " + refused.getCause().getMessage());
    }
}
