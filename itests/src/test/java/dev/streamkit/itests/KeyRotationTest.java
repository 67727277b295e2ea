package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's key rotation acceptance on a real server with {@code SK_AUTH__MODE=enabled} on loopback: after
 * {@code skit auth rotate-key}, a token signed by the previous key still verifies until it expires, a revoked
 * one fails at once, and both still hold after a restart. Skipped while the auth routes are not served.
 */
class KeyRotationTest {

    private static final Map<String, String> AUTH_ON = Map.of("SK_AUTH__MODE", "enabled");

    @TempDir
    Path workDir;

    @Test
    void previousKeyTokensVerifyUntilTheyExpireAndRevokedOnesNeverThroughARestart() throws Exception {
        SkitServer server = SkitServer.start(workDir, "", List.of(), AUTH_ON);
        try {
            AuthApi.assumeAuthRoutes(server);
            String oldAdmin = AuthApi.adminToken(workDir);
            JsonNode kept = AuthApi.mint(server, oldAdmin, "user", 3600);
            JsonNode revoked = AuthApi.mint(server, oldAdmin, "user", 3600);
            JsonNode shortLived = AuthApi.mint(server, oldAdmin, "user", 2);
            AuthApi.revoke(server, oldAdmin, revoked.get("jti").asText());

            SkitCli.Result rotated = SkitCli.run(workDir, "auth", "rotate-key");
            assertEquals(0, rotated.exit(), rotated.toString());
            assertTrue(rotated.stderr().contains("reloaded its keys"), rotated.toString());
            String newAdmin = AuthApi.adminToken(workDir);
            assertNotEquals(oldAdmin, newAdmin);
            JsonNode signedByNewKey = AuthApi.mint(server, newAdmin, "user", 3600);

            for (int run = 0; run < 2; run++) {
                String when = run == 0 ? "after the rotation" : "after a restart";
                assertAccepted(server, kept, true, when + ": a token signed by the previous key");
                assertAccepted(server, revoked, false, when + ": a revoked token");
                assertAccepted(server, signedByNewKey, true, when + ": a token signed by the new key");
                assertEquals("admin", AuthApi.me(server, newAdmin).path("role").asText(), when + ": the new admin token");
                awaitExpiry(shortLived);
                assertAccepted(server, shortLived, false, when + ": an expired token signed by the previous key");
                if (run == 0) {
                    assertEquals(0, server.stop(Duration.ofSeconds(20)), server.log());
                    server = SkitServer.start(workDir, "", List.of(), AUTH_ON);
                }
            }
        } finally {
            server.close();
        }
    }

    /** {@code /api/v1/auth/me} and a protected route agree on whether {@code minted}'s token is accepted. */
    private static void assertAccepted(SkitServer server, JsonNode minted, boolean accepted, String what) throws Exception {
        String token = minted.get("token").asText();
        JsonNode me = AuthApi.me(server, token);
        assertEquals(accepted, me.path("authenticated").asBoolean(), what + ": " + me);
        int sessions = server.send("GET", "/api/v1/sessions", null, AuthApi.bearer(token)).statusCode();
        assertEquals(accepted ? 200 : 401, sessions, what + ": GET /api/v1/sessions");
    }

    /** Waits (at most 5 s) until the clock is past {@code minted}'s {@code exp}. */
    private static void awaitExpiry(JsonNode minted) throws InterruptedException {
        long expMillis = minted.get("exp").asLong() * 1000;
        for (int attempt = 0; attempt < 50 && System.currentTimeMillis() <= expMillis + 100; attempt++) Thread.sleep(100);
    }
}
