package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [auth].mode = "auto"} (the default) decided by the listen address: on {@code 0.0.0.0} the API needs a
 * token and a bootstrap {@code admin.token} is written owner-only; on loopback it stays open as before. Test
 * traffic goes to 127.0.0.1 only. With auth on, a {@code *} allowed origin stops the server at start-up.
 */
class AuthModeTest {

    @TempDir
    Path dir;

    @Test
    void autoModeNeedsATokenBeyondLoopbackOnly() throws Exception {
        try (SkitServer exposed = SkitServer.startOn(dir.resolve("exposed"), "0.0.0.0", "")) {
            assertEquals(401, exposed.get("/api/v1/sessions").statusCode());
            Path token = exposed.workDir.resolve(".streamkit/auth/admin.token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
            assertEquals(200, exposed.send("GET", "/api/v1/sessions", null,
                    Map.of("Authorization", "Bearer " + Files.readString(token).trim())).statusCode());
            assertFalse(exposed.log().contains(Files.readString(token).trim()), "the token is never logged");
        }
        try (SkitServer loopback = SkitServer.start(dir.resolve("loopback"), "")) {
            assertEquals(200, loopback.get("/api/v1/sessions").statusCode());
            assertFalse(Files.exists(loopback.workDir.resolve(".streamkit/auth/admin.token")));
            JsonNode me = ControlClient.JSON.readTree(loopback.get("/api/v1/auth/me").body());
            assertFalse(me.get("auth_enabled").asBoolean());
            assertEquals("admin", me.get("role").asText());
            assertEquals(404, loopback.get("/.well-known/jwks.json").statusCode(), "no JWKS with auth off");
        }
    }

    @Test
    void aWildcardOriginIsRefusedWhileAuthIsOn() throws Exception {
        Map.Entry<Integer, String> run = SkitServer.runToExit(dir, """
                [server]
                address = "127.0.0.1:4597"
                [server.cors]
                allowed_origins = ["*"]
                [auth]
                mode = "enabled"
                """, Duration.ofSeconds(20));
        assertEquals(2, run.getKey(), run.getValue());
        assertTrue(run.getValue().contains("allowed_origins contains \"*\""), run.getValue());
    }
}
