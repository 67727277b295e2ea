package dev.streamkit.transport.http.auth;

import dev.streamkit.transport.http.admin.AdminMounts;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.SecurityHeaders;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * With auth on, the first handler of every request: a request for {@code /api/*} (but not {@code /api/v1/auth/*},
 * whose routes authenticate themselves; the control WebSocket upgrade included) or for the web console must
 * carry a valid API token ({@code Authorization: Bearer}, else the session cookie; never the query string). The
 * {@link dev.streamkit.security.auth.Caller} is then left on the request ({@link RequestRoles#CALLER_ATTRIBUTE})
 * for the routes' RBAC; otherwise the answer is 401 (429 when the address failed too often), or for a browser
 * opening the console a redirect to {@code /login}. Everything else ({@code /healthz}, {@code /login}, the JWKS)
 * passes untouched, as does every request when auth is off.
 */
public final class AuthGate extends Handler.Wrapper {

    private static final String API = "/api/";
    private static final String AUTH_ROUTES = "/api/v1/auth/";

    private final RequestAuthentication authentication;
    private final AdminMounts mounts;
    private final String basePath;

    /**
     * @param basePath {@code [server].base_path} (routes are served with and without it), or {@code null}
     */
    public AuthGate(RequestAuthentication authentication, AdminMounts mounts, String basePath, Handler next) {
        super(next);
        this.authentication = authentication;
        this.mounts = mounts;
        this.basePath = ApiHandler.normalizeBasePath(basePath);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!authentication.enabled()) return super.handle(request, response, callback);
        String path = Request.getPathInContext(request);
        boolean console = mounts.serves(path);
        if (!console && !isProtectedApi(ApiHandler.stripBasePath(basePath, path))) return super.handle(request, response, callback);
        try {
            request.setAttribute(RequestRoles.CALLER_ATTRIBUTE, authentication.authenticate(request));
        } catch (AuthRefusal refusal) {
            SecurityHeaders.add(response);
            if (console && opensAPage(request) && refusal.status() == 401) {
                redirectToLogin(path, response, callback);
            } else {
                refusal.send(response, callback);
            }
            return true;
        }
        return super.handle(request, response, callback);
    }

    private static boolean isProtectedApi(String path) {
        return path.startsWith(API) && !path.startsWith(AUTH_ROUTES);
    }

    private static boolean opensAPage(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    private void redirectToLogin(String path, Response response, Callback callback) {
        String login = (basePath == null ? "" : basePath) + "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        response.setStatus(302);
        response.getHeaders().put(HttpHeader.LOCATION, login);
        callback.succeeded();
    }
}
