package dev.streamkit.transport.http.api;

import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.security.RoleResolver;
import org.eclipse.jetty.server.Request;

/**
 * StreamKit's RBAC at the HTTP edge: the caller's {@link Role} from the request headers (spec §9.1), and
 * routes guarded by a permission that answer 403 with StreamKit's {@code Permission denied: ...} text.
 */
public final class RequestRoles {

    private final RoleResolver resolver;

    public RequestRoles(RoleResolver resolver) {
        this.resolver = resolver;
    }

    /** The role of the caller of {@code request} (a WebSocket upgrade request too). */
    public Role of(Request request) {
        return resolver.resolve(name -> request.getHeaders().get(name));
    }

    /** The role the request's trusted header names when it is not configured, else {@code null}. */
    public String unknownRole(Request request) {
        return resolver.unknownHeaderRole(name -> request.getHeaders().get(name));
    }

    /**
     * A route that resolves the caller's role, requires {@code permission} (none when {@code null}) and then
     * runs {@code route}; an {@link AccessDenied} becomes a 403, an {@link HttpStatusException} its status.
     *
     * @param action StreamKit's wording for the refusal, e.g. {@code "list sessions"}
     */
    public Route guard(Permission permission, String action, RoleRoute route) {
        return (request, response, callback) -> {
            Role role = of(request);
            try {
                if (permission != null) role.require(permission, action);
                route.handle(role, request, response, callback);
            } catch (AccessDenied e) {
                Responses.text(response, callback, 403, e.getMessage());
            } catch (HttpStatusException e) {
                Responses.text(response, callback, e.status(), e.getMessage());
            }
        };
    }
}
