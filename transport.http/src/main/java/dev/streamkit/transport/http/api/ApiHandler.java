package dev.streamkit.transport.http.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's single handler: adds StreamKit's security headers, mirrors every route under
 * {@code [server].base_path}, refuses mutating {@code /api/} requests from foreign origins, and
 * dispatches {@code METHOD path} to its {@link Route}. Unknown paths answer 404 in plain text.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final String basePath;
    private final OriginPolicy origins;

    public ApiHandler(String basePath, OriginPolicy origins) {
        this.basePath = basePath == null || basePath.isBlank() || basePath.equals("/") ? null
                : "/" + basePath.replaceAll("^/+|/+$", "");
        this.origins = origins;
    }

    /** Registers {@code route} for {@code method} on the exact {@code path}. */
    public ApiHandler route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "SAMEORIGIN");
        String path = stripBasePath(Request.getPathInContext(request));
        String method = request.getMethod();
        if (path.startsWith("/api/") && MUTATING.contains(method)
                && !origins.allows(request.getHeaders().get(HttpHeader.ORIGIN))) {
            Responses.text(response, callback, 403, "Origin not allowed (configure [server.cors].allowed_origins)");
            return true;
        }
        Route route = routes.get(method + " " + path);
        if (route != null) {
            route.handle(request, response, callback);
        } else if (routes.keySet().stream().anyMatch(key -> key.endsWith(" " + path))) {
            Responses.text(response, callback, 405, "Method Not Allowed");
        } else {
            Responses.text(response, callback, 404, "Not Found");
        }
        return true;
    }

    private String stripBasePath(String path) {
        if (basePath != null && (path.equals(basePath) || path.startsWith(basePath + "/"))) {
            String rest = path.substring(basePath.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return path;
    }
}
