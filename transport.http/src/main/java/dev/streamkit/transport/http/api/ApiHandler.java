package dev.streamkit.transport.http.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's single handler: adds StreamKit's security headers, mirrors every route under
 * {@code [server].base_path}, refuses mutating {@code /api/} requests from foreign origins, and
 * dispatches {@code METHOD path} to its {@link Route}: exact paths first, then prefix routes (e.g.
 * {@code /api/v1/sessions/} for {@code /api/v1/sessions/{id}/...}), which read the rest through
 * {@link #pathOf}. Other GET requests outside {@code /api/} go to the {@link #fallback} (the web UI) if there
 * is one; unknown paths answer 404 in plain text.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final String PATH_ATTRIBUTE = ApiHandler.class.getName() + ".path";

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Route> prefixRoutes = new LinkedHashMap<>();
    private final String basePath;
    private final OriginPolicy origins;
    private Route fallback;

    public ApiHandler(String basePath, OriginPolicy origins) {
        this.basePath = normalizeBasePath(basePath);
        this.origins = origins;
    }

    /** Registers {@code route} for {@code method} on the exact {@code path}. */
    public ApiHandler route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    /** Registers {@code route} for {@code method} on every path that starts with {@code prefix} (longer than it). */
    public ApiHandler prefixRoute(String method, String prefix, Route route) {
        prefixRoutes.put(method + " " + prefix, route);
        return this;
    }

    /** Answers GET and HEAD requests outside {@code /api/} that no route takes (the web UI's files). */
    public ApiHandler fallback(Route route) {
        this.fallback = route;
        return this;
    }

    /** {@code [server].base_path} as routed: one leading slash and no trailing one, or {@code null} for none. */
    public static String normalizeBasePath(String basePath) {
        return basePath == null || basePath.isBlank() || basePath.equals("/") ? null
                : "/" + basePath.replaceAll("^/+|/+$", "");
    }

    /** {@code path} without {@code basePath} (as {@link #normalizeBasePath} returns it) when under it, else as it is. */
    public static String stripBasePath(String basePath, String path) {
        if (basePath != null && (path.equals(basePath) || path.startsWith(basePath + "/"))) {
            String rest = path.substring(basePath.length());
            return rest.isEmpty() ? "/" : rest;
        }
        return path;
    }

    /** The request's path with the base path removed, as routed. */
    public static String pathOf(Request request) {
        Object path = request.getAttribute(PATH_ATTRIBUTE);
        return path == null ? Request.getPathInContext(request) : path.toString();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.add(response);
        String path = stripBasePath(basePath, Request.getPathInContext(request));
        String method = request.getMethod();
        if (path.startsWith("/api/") && origins.refuses(method, request.getHeaders().get(HttpHeader.ORIGIN))) {
            Responses.text(response, callback, 403, OriginPolicy.REFUSAL);
            return true;
        }
        request.setAttribute(PATH_ATTRIBUTE, path);
        Route route = routes.get(method + " " + path);
        if (route == null) route = prefixRouteFor(method, path);
        if (route != null) {
            route.handle(request, response, callback);
        } else if (routes.keySet().stream().anyMatch(key -> key.endsWith(" " + path))
                || prefixRoutes.keySet().stream().anyMatch(key -> matchesPrefix(key.substring(key.indexOf(' ') + 1), path))) {
            Responses.text(response, callback, 405, "Method Not Allowed");
        } else if (fallback != null && !path.startsWith("/api/") && (method.equals("GET") || method.equals("HEAD"))) {
            fallback.handle(request, response, callback);
        } else {
            Responses.text(response, callback, 404, "Not Found");
        }
        return true;
    }

    private Route prefixRouteFor(String method, String path) {
        for (Map.Entry<String, Route> entry : prefixRoutes.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(method + " ") && matchesPrefix(key.substring(method.length() + 1), path)) return entry.getValue();
        }
        return null;
    }

    private static boolean matchesPrefix(String prefix, String path) {
        return path.length() > prefix.length() && path.startsWith(prefix);
    }
}
