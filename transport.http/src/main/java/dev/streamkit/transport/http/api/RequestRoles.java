package dev.streamkit.transport.http.api;

import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.PermissionSet;
import dev.streamkit.security.Role;
import dev.streamkit.security.RoleResolver;
import dev.streamkit.security.auth.ApiAuthenticator;
import dev.streamkit.security.auth.Caller;
import org.eclipse.jetty.server.Request;

/**
 * StreamKit's RBAC at the HTTP edge: the caller's {@link Role} and routes guarded by a permission that answer
 * 403 with StreamKit's {@code Permission denied: ...} text. With JWT auth on, the role is the one of the
 * {@link Caller} the auth gate left on the request ({@value #CALLER_ATTRIBUTE}); a request without one has no
 * permission at all. With auth off it comes from the request headers, {@code SK_ROLE} or the default (spec §9.1).
 */
public final class RequestRoles {

    /** The request attribute holding the authenticated {@link Caller} (auth on). */
    public static final String CALLER_ATTRIBUTE = "streamkit.http.caller";
    private static final Role UNAUTHENTICATED = new Role("anonymous", PermissionSet.NONE);

    private final RoleResolver resolver;
    private final ApiAuthenticator authenticator;

    /** Roles from headers, {@code SK_ROLE} and the default role only (no JWT auth). */
    public RequestRoles(RoleResolver resolver) {
        this(resolver, null);
    }

    /** Roles from tokens when {@code authenticator} is enabled, else from {@code resolver}. */
    public RequestRoles(RoleResolver resolver, ApiAuthenticator authenticator) {
        this.resolver = resolver;
        this.authenticator = authenticator;
    }

    /** The role of the caller of {@code request} (a WebSocket upgrade request too). */
    public Role of(Request request) {
        if (authEnabled()) {
            Caller caller = caller(request);
            return caller == null ? UNAUTHENTICATED : caller.role();
        }
        return resolver.resolve(name -> request.getHeaders().get(name));
    }

    /** The authenticated caller of {@code request}, or {@code null} (auth off, or not authenticated). */
    public static Caller caller(Request request) {
        return request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    /**
     * The role the request's trusted header names when it is not configured, else {@code null}; always
     * {@code null} with auth on, where headers name no role.
     */
    public String unknownRole(Request request) {
        if (authEnabled()) return null;
        return resolver.unknownHeaderRole(name -> request.getHeaders().get(name));
    }

    private boolean authEnabled() {
        return authenticator != null && authenticator.enabled();
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
