package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skit auth} end to end against a real server with auth enabled (streamkit-next §1.6): the CLI mints
 * API and MoQ tokens through the server's API with the bootstrap admin token, and says clearly (with its exit
 * code) when the token is refused, the role may not mint, the request is refused or no server answers.
 * Skipped while the auth routes are not served.
 */
class AuthCliEndToEndTest {

    @TempDir
    Path workDir;

    @Test
    void mintsThroughTheRunningServerAndExplainsEachRefusal() throws Exception {
        try (SkitServer server = SkitServer.start(workDir, "", List.of(), Map.of("SK_AUTH__MODE", "enabled"))) {
            AuthApi.assumeAuthRoutes(server);
            String admin = AuthApi.adminToken(workDir);
            SkitCli.Result printed = SkitCli.run(workDir, "auth", "print-admin-token");
            assertEquals(0, printed.exit(), printed.toString());
            assertEquals(admin, printed.stdout().trim());

            SkitCli.Result api = SkitCli.run(workDir, "auth", "mint", "api", "--role", "user", "--label", "cli", "--ttl-secs", "600", "--json");
            assertEquals(0, api.exit(), api.toString());
            String userToken = ControlClient.JSON.readTree(api.stdout()).get("token").asText();
            JsonNode me = AuthApi.me(server, userToken);
            assertTrue(me.path("authenticated").asBoolean(), me.toString());
            assertEquals("user", me.path("role").asText());

            SkitCli.Result moq = SkitCli.run(workDir, "auth", "mint", "moq", "--root", "/moq/s1", "--subscribe", "", "--publish", "input");
            assertEquals(0, moq.exit(), moq.toString());
            String moqToken = moq.stdout().trim();
            assertFalse(moqToken.isEmpty(), moq.toString());
            assertTrue(moq.stderr().contains("jwt="), "the copy/paste URL is shown: " + moq);
            assertFalse(AuthApi.me(server, moqToken).path("authenticated").asBoolean(), "a MoQ token is no API token");

            assertRefused(SkitCli.run(workDir, "auth", "mint", "api", "--role", "user", "--token", userToken), 3, "(403");
            assertRefused(SkitCli.run(workDir, "auth", "mint", "api", "--role", "user", "--token", "not-a-token"), 3, "(401");
            assertRefused(SkitCli.run(workDir, "auth", "mint", "api", "--role", "nosuchrole"), 1, "(400");
            assertRefused(SkitCli.run(workDir, "auth", "mint", "api", "--role", "user", "--ttl-secs", "99999999"), 1, "TTL exceeds maximum");

            assertEquals(0, server.stop(Duration.ofSeconds(20)), server.log());
            assertRefused(SkitCli.run(workDir, "auth", "mint", "api", "--role", "user"), 1, "no server answers");
        }
    }

    private static void assertRefused(SkitCli.Result result, int exit, String reason) {
        assertEquals(exit, result.exit(), result.toString());
        assertTrue(result.stderr().contains(reason), result.toString());
    }
}
