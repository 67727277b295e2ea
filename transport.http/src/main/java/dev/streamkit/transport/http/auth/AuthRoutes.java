package dev.streamkit.transport.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.security.BuiltInRoles;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.Caller;
import dev.streamkit.security.auth.RequestTokens;
import dev.streamkit.security.jwt.MintedToken;
import dev.streamkit.security.jwt.TokenRecord;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.HttpStatusException;
import dev.streamkit.transport.http.api.JsonBody;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.Route;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's {@code /api/v1/auth} routes (streamkit-next §1.5), which authenticate themselves: browser login
 * and logout with the session cookie ({@code session} is an alias of {@code login}), {@code me}, and for the
 * {@code admin} role only, minting, listing and revoking tokens and reloading keys. Bodies are capped at 64 KiB.
 * After a revocation or a reload, every control WebSocket whose token is no longer valid is closed.
 */
public final class AuthRoutes {

    private static final String BASE = "/api/v1/auth";
    private static final String TOKENS = BASE + "/tokens";
    private static final String DISABLED = "Authentication is disabled";
    /** StreamKit's body limit for {@code /api/v1/auth}. */
    private static final int BODY_LIMIT_BYTES = 64 * 1024;

    private final RequestAuthentication authentication;
    private final ApiAuthenticator authenticator;
    private final RequestRoles roles;
    private final SessionCookie cookie;
    private final MoqUrlTemplate moqUrls;
    private final Consumer<Predicate<String>> closeSockets;
    private final Clock clock;

    /**
     * @param closeSockets closes the control sockets whose token id the given predicate accepts (is invalid)
     */
    public AuthRoutes(RequestAuthentication authentication, RequestRoles roles, SessionCookie cookie, MoqUrlTemplate moqUrls,
                      Consumer<Predicate<String>> closeSockets, Clock clock) {
        this.authentication = authentication;
        this.authenticator = authentication.authenticator();
        this.roles = roles;
        this.cookie = cookie;
        this.moqUrls = moqUrls;
        this.closeSockets = closeSockets;
        this.clock = clock;
    }

    /** Adds the routes to {@code api}, with {@code GET /login} and, when auth is on, {@code GET /.well-known/jwks.json}. */
    public void register(ApiHandler api) {
        if (authenticator.enabled()) api.route("GET", "/.well-known/jwks.json", this::jwks);
        api.route("GET", "/login", new LoginPage())
                .route("POST", BASE + "/login", guarded(this::login))
                .route("POST", BASE + "/session", guarded(this::login))
                .route("POST", BASE + "/logout", this::logout)
                .route("GET", BASE + "/me", this::me)
                .route("POST", TOKENS, admin(this::mintApi))
                .route("GET", TOKENS, admin(this::list))
                .prefixRoute("DELETE", TOKENS + "/", admin(this::revoke))
                .route("POST", BASE + "/moq-tokens", admin(this::mintMoq))
                .route("POST", BASE + "/reload-keys", admin(this::reloadKeys));
    }

    /** A route acting for an authenticated caller. */
    @FunctionalInterface
    private interface CallerRoute {
        void handle(Caller caller, Request request, Response response, Callback callback) throws Exception;
    }

    private Route guarded(Route route) {
        return (request, response, callback) -> {
            try {
                route.handle(request, response, callback);
            } catch (AuthRefusal refusal) {
                refusal.send(response, callback);
            } catch (HttpStatusException e) {
                Responses.text(response, callback, e.status(), e.getMessage());
            }
        };
    }

    private Route admin(CallerRoute route) {
        return guarded((request, response, callback) -> {
            if (!authenticator.enabled()) throw new HttpStatusException(400, DISABLED);
            Caller caller = authentication.authenticate(request);
            if (!BuiltInRoles.ADMIN_NAME.equals(caller.role().name())) throw new HttpStatusException(403, "Admin role required");
            route.handle(caller, request, response, callback);
        });
    }

    private void jwks(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(authenticator.state().keys().publicJwks().getBytes(StandardCharsets.UTF_8)), callback);
    }

    private void login(Request request, Response response, Callback callback) throws Exception {
        if (!authenticator.enabled()) throw new HttpStatusException(400, DISABLED);
        String token = RequestTokens.of(name -> "Authorization".equalsIgnoreCase(name) ? request.getHeaders().get(name) : null,
                authenticator.cookieName());
        if (token == null) token = JsonBody.text(JsonBody.read(request, BODY_LIMIT_BYTES), "token");
        if (token == null || token.isBlank()) throw new HttpStatusException(400, "Missing token");
        Caller caller = authentication.verify(request, token.trim());
        response.getHeaders().add("Set-Cookie", cookie.set(token.trim(), caller.exp() - clock.instant().getEpochSecond()));
        noContent(response, callback);
    }

    private void logout(Request request, Response response, Callback callback) {
        response.getHeaders().add("Set-Cookie", cookie.clear());
        noContent(response, callback);
    }

    private void me(Request request, Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!authenticator.enabled()) {
            body.put("authenticated", true);
            body.put("auth_enabled", false);
            body.put("role", roles.of(request).name());
            body.put("jti", null);
        } else {
            Caller caller;
            try {
                caller = authentication.authenticate(request);
            } catch (AuthRefusal refused) {
                caller = null;
            }
            body.put("authenticated", caller != null);
            body.put("auth_enabled", true);
            body.put("role", caller == null ? null : caller.role().name());
            body.put("jti", caller == null ? null : caller.jti());
        }
        Responses.json(response, callback, body);
    }

    private void mintApi(Caller caller, Request request, Response response, Callback callback) throws Exception {
        JsonNode body = JsonBody.read(request, BODY_LIMIT_BYTES);
        String role = JsonBody.text(body, "role");
        if (role == null || authenticator.configuredRole(role).isEmpty()) throw new HttpStatusException(400, "Unknown role");
        MintedToken minted;
        try {
            minted = authenticator.state().minter().mintApi(role, JsonBody.text(body, "label"), JsonBody.number(body, "ttl_secs"),
                    caller.jti());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, "Failed to create token: " + e.getMessage());
        }
        sendToken(response, callback, minted, null);
    }

    private void mintMoq(Caller caller, Request request, Response response, Callback callback) throws Exception {
        JsonNode body = JsonBody.read(request, BODY_LIMIT_BYTES);
        String root = JsonBody.text(body, "root");
        MintedToken minted;
        try {
            minted = authenticator.state().minter().mintMoq(root, paths(body, "subscribe"), paths(body, "publish"),
                    JsonBody.text(body, "label"), JsonBody.number(body, "ttl_secs"), caller.jti());
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(400, "Failed to create token: " + e.getMessage());
        }
        sendToken(response, callback, minted, moqUrls.of(root, minted.token()));
    }

    private void list(Caller caller, Request request, Response response, Callback callback) {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (TokenRecord record : authenticator.state().registry().list()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("jti", record.jti());
            entry.put("token_type", record.tokenType());
            entry.put("role", record.role());
            entry.put("label", record.label());
            entry.put("created_at", record.createdAt());
            entry.put("exp", record.exp());
            entry.put("revoked", record.revoked());
            entry.put("created_by", record.createdBy());
            tokens.add(entry);
        }
        noStore(response);
        Responses.json(response, callback, tokens);
    }

    private void revoke(Caller caller, Request request, Response response, Callback callback) throws Exception {
        String jti = ApiHandler.pathOf(request).substring(TOKENS.length() + 1);
        if (jti.equals(caller.jti())) throw new HttpStatusException(400, "Cannot revoke your own token");
        if (!authenticator.state().registry().revoke(jti)) throw new HttpStatusException(404, "Token not found");
        closeSockets.accept(this::noLongerValid);
        Responses.text(response, callback, 200, "Token revoked");
    }

    private void reloadKeys(Caller caller, Request request, Response response, Callback callback) throws Exception {
        authenticator.reloadKeys();
        closeSockets.accept(this::noLongerValid);
        noContent(response, callback);
    }

    private boolean noLongerValid(String jti) {
        long now = clock.instant().getEpochSecond();
        return authenticator.state().registry().find(jti).map(record -> record.revoked() || record.exp() <= now).orElse(true);
    }

    private static List<String> paths(JsonNode body, String name) throws HttpStatusException {
        JsonNode list = body.path(name);
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw new HttpStatusException(400, "Invalid JSON body: " + name + " must be a list of strings");
        List<String> paths = new ArrayList<>();
        for (JsonNode path : list) {
            if (!path.isTextual()) throw new HttpStatusException(400, "Invalid JSON body: " + name + " must be a list of strings");
            paths.add(path.asText());
        }
        return paths;
    }

    private static void sendToken(Response response, Callback callback, MintedToken minted, String urlTemplate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", minted.token());
        body.put("jti", minted.jti());
        body.put("exp", minted.exp());
        if (urlTemplate != null) body.put("url_template", urlTemplate);
        noStore(response);
        Responses.json(response, callback, body);
    }

    private static void noStore(Response response) {
        response.getHeaders().put("Cache-Control", "no-store");
    }

    private static void noContent(Response response, Callback callback) {
        response.setStatus(204);
        callback.succeeded();
    }
}
