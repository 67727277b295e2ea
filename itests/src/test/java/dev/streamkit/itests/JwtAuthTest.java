package dev.streamkit.itests;

import static dev.streamkit.itests.AuthApi.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Built-in JWT authentication over real sockets (issue 11; reliability cases 25-27): every forged or misused
 * token is refused with 401 on the API, tokens in query strings are ignored, a viewer may look but not act,
 * an admin token works on REST, the control WebSocket and the console, a revoked token's socket is closed, and
 * browsers log in with an HttpOnly cookie. Fewer than 20 bad tokens are sent, under the per-address limit.
 */
class JwtAuthTest {

    @RegisterExtension
    static final RunningServer running = new RunningServer("""
            [auth]
            mode = "enabled"

            [plugins]
            allow_http_management = true
            """);

    private static Path stateDir() {
        return AuthApi.stateDir(running.get().workDir);
    }

    private static String adminToken() throws Exception {
        return Files.readString(stateDir().resolve("admin.token")).trim();
    }

    private static JsonNode post(String path, Map<String, Object> body, String token) throws Exception {
        HttpResponse<String> response = running.get().send("POST", path, ControlClient.JSON.writeValueAsString(body), bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        return ControlClient.JSON.readTree(response.body());
    }

    private static JsonNode mint(String role) throws Exception {
        return post("/api/v1/auth/tokens", Map.of("role", role, "label", "itest"), adminToken());
    }

    private static HttpResponse<String> listSessions(Map<String, String> headers) throws Exception {
        return running.get().send("GET", "/api/v1/sessions", null, headers);
    }

    private static void assertUnauthorized(String token, String what) throws Exception {
        HttpResponse<String> refused = listSessions(bearer(token));
        assertEquals(401, refused.statusCode(), what + ": " + refused.body());
        assertFalse(refused.body().contains(token), "the refusal does not echo the token");
    }

    private static Map<String, Object> header(String key, Object value, String kid) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        if (key != null) header.put(key, value);
        return header;
    }

    @Test
    void theBootstrapAdminTokenIsOwnerOnlyAndOpensTheApi() throws Exception {
        Path file = stateDir().resolve("admin.token");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(200, listSessions(bearer(adminToken())).statusCode());
        HttpResponse<String> anonymous = listSessions(Map.of());
        assertEquals(401, anonymous.statusCode());
        assertEquals("No authentication token provided", anonymous.body());
        assertEquals(200, running.get().get("/healthz").statusCode(), "health stays public");
        HttpResponse<String> jwks = running.get().get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        JsonNode key = ControlClient.JSON.readTree(jwks.body()).get("keys").get(0);
        assertEquals("OKP", key.get("kty").asText());
        assertFalse(key.has("d"), "no private part");
    }

    @Test
    void everyForgedOrMisusedTokenIsRefused() throws Exception {
        ForgedTokens forge = new ForgedTokens(stateDir());
        String kid = forge.kid();
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> expired = new LinkedHashMap<>(ForgedTokens.apiClaims(UUID.randomUUID().toString()));
        expired.put("iat", now - 7200);
        expired.put("exp", now - 3600);
        Map<String, Object> notYet = new LinkedHashMap<>(ForgedTokens.apiClaims(UUID.randomUUID().toString()));
        notYet.put("nbf", now + 3600);
        Map<String, Object> unknownJti = ForgedTokens.apiClaims(UUID.randomUUID().toString());

        assertUnauthorized(ForgedTokens.unsigned(unknownJti), "alg none");
        assertUnauthorized(forge.hmacWithPublicKey(unknownJti), "HS256 keyed with the public key");
        assertUnauthorized(forge.signed(header(null, null, kid), expired), "expired");
        assertUnauthorized(forge.signed(header(null, null, kid), notYet), "nbf in the future");
        assertUnauthorized(forge.signed(header(null, null, kid), unknownJti), "a jti this server never minted");
        for (String hostileKid : List.of("../../x", "' OR '1'='1")) {
            assertUnauthorized(forge.signed(header(null, null, hostileKid), unknownJti), "kid " + hostileKid);
        }
        String hugeKid = forge.signed(header(null, null, "k".repeat(10 * 1024)), unknownJti);
        HttpResponse<String> huge = running.get().send("POST", "/api/v1/auth/login",
                ControlClient.JSON.writeValueAsString(Map.of("token", hugeKid)), Map.of());
        assertEquals(401, huge.statusCode(), "a 10 KB kid: " + huge.body());

        String moq = post("/api/v1/auth/moq-tokens", Map.of("root", "/moq", "subscribe", List.of(""), "publish", List.of("")),
                adminToken()).get("token").asText();
        assertUnauthorized(moq, "a MoQ token on the API");

        JsonNode revoked = mint("user");
        HttpResponse<String> revocation = running.get().send("DELETE", "/api/v1/auth/tokens/" + revoked.get("jti").asText(),
                null, bearer(adminToken()));
        assertEquals(200, revocation.statusCode(), revocation.body());
        assertEquals("Token revoked", revocation.body());
        HttpResponse<String> refused = listSessions(bearer(revoked.get("token").asText()));
        assertEquals(401, refused.statusCode());
        assertEquals("Token has been revoked", refused.body());
    }

    @Test
    void jkuAndX5uAreNeverFetched() throws Exception {
        ForgedTokens forge = new ForgedTokens(stateDir());
        try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/keys.json";
            for (String key : List.of("jku", "x5u")) {
                assertUnauthorized(forge.signed(header(key, url, forge.kid()), ForgedTokens.apiClaims(UUID.randomUUID().toString())), key);
            }
            trap.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, trap::accept, "the server never connected to the URL");
        }
    }

    @Test
    void tokensInTheQueryStringAreIgnoredOnApiRoutes() throws Exception {
        String admin = adminToken();
        HttpResponse<String> refused = running.get().get("/api/v1/sessions?token=" + admin + "&jwt=" + admin + "&access_token=" + admin);
        assertEquals(401, refused.statusCode());
        assertEquals("No authentication token provided", refused.body());
    }

    @Test
    void aViewerMayLookButNeitherCreateSessionsNorUploadPlugins() throws Exception {
        String viewer = mint("viewer").get("token").asText();
        assertEquals(200, listSessions(bearer(viewer)).statusCode());
        HttpResponse<String> create = running.get().send("POST", "/api/v1/sessions",
                ControlClient.JSON.writeValueAsString(Map.of("name", "v", "yaml", "nodes:\n  s: { kind: core::sink }\n")), bearer(viewer));
        assertEquals(403, create.statusCode(), create.body());
        HttpResponse<byte[]> upload = running.get().post("/api/v1/plugins",
                new Multipart().file("plugin", "p.jar", "application/java-archive", new byte[] {1, 2, 3}), bearer(viewer));
        assertEquals(403, upload.statusCode());
        assertEquals("Permission denied: cannot load plugins", new String(upload.body(), StandardCharsets.UTF_8));
    }

    @Test
    void adminTokenWorksOnTheWebSocketAndTheConsole() throws Exception {
        try (ControlClient admin = ControlClient.connect(running.get().port, null, bearer(adminToken()))) {
            assertTrue(admin.request("l", Map.of("action", "listsessions")).has("sessions"));
        }
        assertThrows(Exception.class, () -> ControlClient.connect(running.get().port, null, Map.of()).close(),
                "no token, no upgrade");
        assertThrows(Exception.class, () -> ControlClient.connect(running.get().port, "http://192.0.2.7", bearer(adminToken())).close(),
                "a valid token from a foreign origin, no upgrade either");
        assertEquals(200, running.get().send("GET", "/system/console/bundles", null, bearer(adminToken())).statusCode());
        HttpResponse<String> browser = running.get().send("GET", "/system/console/bundles", null, Map.of("Accept", "text/html"));
        assertEquals(302, browser.statusCode());
        assertTrue(browser.headers().firstValue("Location").orElse("").startsWith("/login?next="), browser.headers().toString());
        assertEquals(401, running.get().send("GET", "/system/console/bundles", null, Map.of()).statusCode());
    }

    @Test
    void aRevokedTokensWebSocketIsClosed() throws Exception {
        JsonNode second = mint("admin");
        try (ControlClient client = ControlClient.connect(running.get().port, null, bearer(second.get("token").asText()))) {
            assertTrue(client.request("l", Map.of("action", "listsessions")).has("sessions"));
            String jti = second.get("jti").asText();
            HttpResponse<String> own = running.get().send("DELETE", "/api/v1/auth/tokens/" + jti, null,
                    bearer(second.get("token").asText()));
            assertEquals(400, own.statusCode());
            assertEquals("Cannot revoke your own token", own.body());
            assertEquals(200, running.get().send("DELETE", "/api/v1/auth/tokens/" + jti, null, bearer(adminToken())).statusCode());
            assertEquals(1008, client.closed.get(10, TimeUnit.SECONDS));
        }
        HttpResponse<String> unknown = running.get().send("DELETE", "/api/v1/auth/tokens/no-such-jti", null, bearer(adminToken()));
        assertEquals(404, unknown.statusCode());
        assertEquals("Token not found", unknown.body());
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpires() throws Exception {
        String shortLived = post("/api/v1/auth/tokens", Map.of("role", "admin", "ttl_secs", 2), adminToken()).get("token").asText();
        try (ControlClient client = ControlClient.connect(running.get().port, null, bearer(shortLived))) {
            assertTrue(client.request("l", Map.of("action", "listsessions")).has("sessions"));
            assertEquals(1008, client.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void reloadingKeysClosesTheSocketOfATokenRevokedOnDisk() throws Exception {
        JsonNode third = mint("admin");
        String jti = third.get("jti").asText();
        try (ControlClient client = ControlClient.connect(running.get().port, null, bearer(third.get("token").asText()))) {
            assertTrue(client.request("l", Map.of("action", "listsessions")).has("sessions"));
            Path registry = stateDir().resolve("tokens.json");
            JsonNode records = ControlClient.JSON.readTree(Files.readString(registry));
            records.forEach(record -> {
                if (record.get("jti").asText().equals(jti)) ((com.fasterxml.jackson.databind.node.ObjectNode) record).put("revoked", true);
            });
            Files.writeString(registry, ControlClient.JSON.writeValueAsString(records)); // an out-of-band change, mode kept
            assertTrue(client.request("l2", Map.of("action", "listsessions")).has("sessions"), "still open before the reload");
            HttpResponse<String> reload = running.get().send("POST", "/api/v1/auth/reload-keys", null, bearer(adminToken()));
            assertEquals(204, reload.statusCode(), reload.body());
            assertEquals(1008, client.closed.get(10, TimeUnit.SECONDS));
        }
        assertEquals(401, listSessions(bearer(third.get("token").asText())).statusCode());
    }

    @Test
    void browsersLogInWithAnHttpOnlySessionCookie() throws Exception {
        HttpResponse<String> page = running.get().get("/login");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> login = running.get().send("POST", "/api/v1/auth/session",
                ControlClient.JSON.writeValueAsString(Map.of("token", adminToken())), Map.of());
        assertEquals(204, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("skit_session=") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"),
                setCookie);
        Map<String, String> cookie = Map.of("Cookie", setCookie.substring(0, setCookie.indexOf(';')));
        assertEquals(200, listSessions(cookie).statusCode());
        JsonNode me = ControlClient.JSON.readTree(running.get().send("GET", "/api/v1/auth/me", null, cookie).body());
        assertTrue(me.get("authenticated").asBoolean());
        assertEquals("admin", me.get("role").asText());
        JsonNode anonymous = ControlClient.JSON.readTree(running.get().get("/api/v1/auth/me").body());
        assertFalse(anonymous.get("authenticated").asBoolean());
        assertTrue(anonymous.get("auth_enabled").asBoolean());
        HttpResponse<String> logout = running.get().send("POST", "/api/v1/auth/logout", null, cookie);
        assertEquals(204, logout.statusCode());
        assertTrue(logout.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        HttpResponse<String> foreign = running.get().send("POST", "/api/v1/auth/login",
                ControlClient.JSON.writeValueAsString(Map.of("token", adminToken())), Map.of("Origin", "http://192.0.2.7"));
        assertEquals(403, foreign.statusCode(), "a foreign origin may not log a browser in");
    }

    @Test
    void mintingChecksTheRoleAndTheTtl() throws Exception {
        HttpResponse<String> unknown = running.get().send("POST", "/api/v1/auth/tokens",
                ControlClient.JSON.writeValueAsString(Map.of("role", "nosuchrole")), bearer(adminToken()));
        assertEquals(400, unknown.statusCode());
        assertEquals("Unknown role", unknown.body());
        HttpResponse<String> tooLong = running.get().send("POST", "/api/v1/auth/tokens",
                ControlClient.JSON.writeValueAsString(Map.of("role", "user", "ttl_secs", 999_999_999L)), bearer(adminToken()));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().startsWith("Failed to create token: TTL exceeds maximum allowed"), tooLong.body());
        String user = mint("user").get("token").asText();
        HttpResponse<String> notAdmin = running.get().send("GET", "/api/v1/auth/tokens", null, bearer(user));
        assertEquals(403, notAdmin.statusCode());
        assertEquals("Admin role required", notAdmin.body());
        JsonNode listed = ControlClient.JSON.readTree(running.get().send("GET", "/api/v1/auth/tokens", null, bearer(adminToken())).body());
        assertTrue(listed.size() >= 2);
        listed.forEach(token -> assertFalse(token.has("token") || token.has("token_hash"), "metadata only"));
    }
}
