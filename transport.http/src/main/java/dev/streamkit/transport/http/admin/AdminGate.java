package dev.streamkit.transport.http.admin;

import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.OriginPolicy;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.SecurityHeaders;
import java.util.EnumSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends requests for an {@link AdminMounts} path to its handler when the caller's role, resolved like on
 * every other route, is an administrator's (it holds every {@link Permission}, as the built-in {@code admin}
 * does): anyone else gets 403 {@code Permission denied: cannot access <path>}. A state-changing request
 * (POST, PUT, PATCH, DELETE) from an origin outside {@code [server.cors].allowed_origins} is refused like on
 * {@code /api/}, so that no other web site can make an administrator's browser install a bundle. The
 * request lets the mounted handler know it passed through the attribute {@value #ROLE_ATTRIBUTE} (the role's
 * name). Every other request goes on to the next handler.
 */
public final class AdminGate extends Handler.Wrapper {

    /** The request attribute holding the name of the administrator role a request was let through with. */
    public static final String ROLE_ATTRIBUTE = "streamkit.http.admin_role";

    private final AdminMounts mounts;
    private final RequestRoles roles;
    private final OriginPolicy origins;

    public AdminGate(AdminMounts mounts, RequestRoles roles, OriginPolicy origins, Handler next) {
        super(next);
        this.mounts = mounts;
        this.roles = roles;
        this.origins = origins;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        AdminMounts.Mount mount = mounts.find(Request.getPathInContext(request));
        if (mount == null) return super.handle(request, response, callback);
        SecurityHeaders.add(response);
        Role role = roles.of(request);
        if (!isAdministrator(role)) {
            Responses.text(response, callback, 403, AccessDenied.cannot("access " + mount.path()).getMessage());
        } else if (origins.refuses(request.getMethod(), request.getHeaders().get(HttpHeader.ORIGIN))) {
            Responses.text(response, callback, 403, OriginPolicy.REFUSAL);
        } else {
            request.setAttribute(ROLE_ATTRIBUTE, role.name());
            if (!mount.handler().handle(request, response, callback)) Responses.text(response, callback, 404, "Not Found");
        }
        return true;
    }

    /** Whether {@code role} holds every permission. */
    static boolean isAdministrator(Role role) {
        return role.permissions().granted().containsAll(EnumSet.allOf(Permission.class));
    }
}
