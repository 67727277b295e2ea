package dev.streamkit.transport.http.api;

import dev.streamkit.security.AccessDenied;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses, in front of every route, the WebSocket upgrade and the admin mounts, a request whose trusted role
 * header ({@code [permissions].role_header}) names a role that is not configured: 403
 * {@code Permission denied: unknown role '<name>'}. Such a caller never falls back to the default role's
 * permissions; a request without the header still does.
 */
public final class UnknownRoleGate extends Handler.Wrapper {

    private final RequestRoles roles;

    public UnknownRoleGate(RequestRoles roles, Handler next) {
        super(next);
        this.roles = roles;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String unknown = roles.unknownRole(request);
        if (unknown == null) return super.handle(request, response, callback);
        SecurityHeaders.add(response);
        Responses.text(response, callback, 403, AccessDenied.unknownRole(unknown).getMessage());
        return true;
    }
}
