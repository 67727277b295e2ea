package dev.streamkit.transport.http.api;

import dev.streamkit.security.Role;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A {@link Route} that acts for the caller's {@link Role} (resolved and checked by
 * {@link RequestRoles#guard}). It may throw {@link dev.streamkit.security.AccessDenied} before writing
 * anything, which answers 403 with the denial's text.
 */
@FunctionalInterface
public interface RoleRoute {

    void handle(Role role, Request request, Response response, Callback callback) throws Exception;
}
