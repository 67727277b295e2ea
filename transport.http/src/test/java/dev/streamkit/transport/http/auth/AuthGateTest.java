package dev.streamkit.transport.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.security.BuiltInRoles;
import dev.streamkit.security.Role;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.AuthenticationFailed;
import dev.streamkit.security.auth.Caller;
import dev.streamkit.security.auth.RequestTokens;
import dev.streamkit.security.jwt.AuthState;
import dev.streamkit.transport.http.admin.AdminMounts;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The auth gate on a real Jetty server with a stand-in authenticator that accepts only the token {@code good}. */
class AuthGateTest {

    private static final String GOOD = "good";

    /** Accepts {@value #GOOD} as an admin token, refuses anything else. */
    private record StandIn(boolean enabled) implements ApiAuthenticator {
        @Override
        public String cookieName() {
            return "skit_session";
        }

        @Override
        public Caller authenticate(Function<String, String> headers) throws AuthenticationFailed {
            String token = RequestTokens.of(headers, cookieName());
            if (token == null) throw new AuthenticationFailed(AuthenticationFailed.NO_TOKEN);
            return verify(token);
        }

        @Override
        public Caller verify(String token) throws AuthenticationFailed {
            if (!GOOD.equals(token)) throw new AuthenticationFailed("Invalid token: bad signature");
            return new Caller(new Role(BuiltInRoles.ADMIN_NAME, BuiltInRoles.ADMIN), "jti-1", Long.MAX_VALUE);
        }

        @Override
        public Optional<Role> configuredRole(String name) {
            return Optional.empty();
        }

        @Override
        public AuthState state() {
            throw new IllegalStateException("not in this test");
        }

        @Override
        public void reloadKeys() {
        }
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AdminMounts mounts = new AdminMounts();
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private Server server;
    private int port;

    private void start(boolean enabled) throws Exception {
        Handler next = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
                Caller caller = RequestRoles.caller(request);
                Responses.text(response, callback, 200, caller == null ? "next" : "next as " + caller.role().name());
                return true;
            }
        };
        mounts.mount("/system/console", next);
        FailedAuthLimiter limiter = new FailedAuthLimiter(2, Duration.ofMinutes(1), 100, () -> now);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new AuthGate(new RequestAuthentication(new StandIn(enabled), limiter), mounts, "/base/", next));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiRoutesNeedAHeaderOrCookieToken() throws Exception {
        start(true);
        for (String path : List.of("/api/v1/sessions", "/base/api/v1/sessions", "/api/v1/control",
                "/api/v1/sessions?token=" + GOOD + "&jwt=" + GOOD)) {
            HttpResponse<String> refused = get(path, Map.of());
            assertEquals(401, refused.statusCode(), path);
            assertEquals(AuthenticationFailed.NO_TOKEN, refused.body());
            assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertEquals("next as admin", get("/api/v1/sessions", Map.of("Authorization", "Bearer " + GOOD)).body());
        assertEquals("next as admin", get("/base/api/v1/sessions", Map.of("Cookie", "skit_session=" + GOOD)).body());
    }

    @Test
    void publicPathsAndTheAuthRoutesPassUntouched() throws Exception {
        start(true);
        for (String path : List.of("/healthz", "/login", "/.well-known/jwks.json", "/api/v1/auth/me", "/base/api/v1/auth/login")) {
            assertEquals("next", get(path, Map.of()).body(), path);
        }
    }

    @Test
    void browsersOpeningTheConsoleAreSentToLogin() throws Exception {
        start(true);
        HttpResponse<String> page = get("/system/console/bundles", Map.of("Accept", "text/html"));
        assertEquals(302, page.statusCode());
        assertEquals("/base/login?next=%2Fsystem%2Fconsole%2Fbundles", page.headers().firstValue("Location").orElse(""));
        assertEquals(401, get("/system/console/bundles", Map.of()).statusCode(), "scripts get a status, not a page");
        assertEquals("next as admin", get("/system/console", Map.of("Authorization", "Bearer " + GOOD)).body());
    }

    @Test
    void anAddressThatFailsTooOftenIsThrottledEvenWithAGoodToken() throws Exception {
        start(true);
        for (int i = 0; i < 2; i++) assertEquals(401, get("/api/v1/sessions", Map.of("Authorization", "Bearer bad")).statusCode());
        HttpResponse<String> throttled = get("/api/v1/sessions", Map.of("Authorization", "Bearer " + GOOD));
        assertEquals(429, throttled.statusCode());
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0")) > 0);
    }

    @Test
    void passesEverythingWhenAuthIsOff() throws Exception {
        start(false);
        assertEquals("next", get("/api/v1/sessions", Map.of()).body());
        assertEquals("next", get("/system/console", Map.of("Accept", "text/html")).body());
    }
}
