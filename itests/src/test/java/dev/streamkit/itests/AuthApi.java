package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The auth routes of streamkit-next §1.5 as the integration tests call them. */
final class AuthApi {

    /** The state directory of a server run in {@code workDir} with the default {@code [auth].state_dir}. */
    static Path stateDir(Path workDir) {
        return workDir.resolve(".streamkit").resolve("auth");
    }

    private AuthApi() {
    }

    /**
     * Skips the calling test when {@code server} has no auth routes yet (they come with the HTTP side of issue
     * 11): the tests that use them are written against the specification and run once the routes exist.
     */
    static void assumeAuthRoutes(SkitServer server) throws IOException, InterruptedException {
        assumeTrue(server.get("/api/v1/auth/me").statusCode() != 404, "GET /api/v1/auth/me is not served yet (issue 11, HTTP side)");
    }

    /** The bootstrap admin token, once the server wrote it (within 10 s of starting). */
    static String adminToken(Path workDir) throws IOException, InterruptedException {
        Path file = stateDir(workDir).resolve("admin.token");
        for (int attempt = 0; attempt < 100 && !Files.exists(file); attempt++) Thread.sleep(100);
        return Files.readString(file).trim();
    }

    /** {@code POST /api/v1/auth/tokens} with {@code admin}; returns {@code {token, jti, exp}}. */
    static JsonNode mint(SkitServer server, String admin, String role, long ttlSecs) throws IOException, InterruptedException {
        HttpResponse<String> minted = server.send("POST", "/api/v1/auth/tokens",
                "{\"role\": \"" + role + "\", \"label\": \"itest\", \"ttl_secs\": " + ttlSecs + "}", bearer(admin));
        assertEquals(200, minted.statusCode(), minted.body());
        return ControlClient.JSON.readTree(minted.body());
    }

    /** {@code POST /api/v1/auth/moq-tokens} with {@code admin}; returns the MoQ token. */
    static String mintMoq(SkitServer server, String admin, String root, List<String> subscribe, List<String> publish)
            throws IOException, InterruptedException {
        HttpResponse<String> minted = server.send("POST", "/api/v1/auth/moq-tokens", ControlClient.JSON.writeValueAsString(
                Map.of("root", root, "subscribe", subscribe, "publish", publish, "label", "itest", "ttl_secs", 600)), bearer(admin));
        assertEquals(200, minted.statusCode(), minted.body());
        return ControlClient.JSON.readTree(minted.body()).get("token").asText();
    }

    /** {@code DELETE /api/v1/auth/tokens/{jti}} with {@code admin}. */
    static void revoke(SkitServer server, String admin, String jti) throws IOException, InterruptedException {
        HttpResponse<String> revoked = server.send("DELETE", "/api/v1/auth/tokens/" + jti, null, bearer(admin));
        assertEquals(200, revoked.statusCode(), revoked.body());
    }

    /** {@code GET /api/v1/auth/me} with {@code token}: {@code {authenticated, auth_enabled, role, jti}}. */
    static JsonNode me(SkitServer server, String token) throws IOException, InterruptedException {
        HttpResponse<String> me = server.send("GET", "/api/v1/auth/me", null, bearer(token));
        assertEquals(200, me.statusCode(), me.body());
        return ControlClient.JSON.readTree(me.body());
    }

    /** The {@code Authorization} header carrying {@code token}. */
    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
