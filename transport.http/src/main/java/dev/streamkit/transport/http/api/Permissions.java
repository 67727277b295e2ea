package dev.streamkit.transport.http.api;

import org.eclipse.jetty.server.Request;

/**
 * The RBAC seam (spec §9.2): whether the caller of {@code request} holds a StreamKit permission such as
 * {@code list_samples} or {@code upload_assets}. Roles are not implemented yet; the default role is
 * {@code admin}, so {@link #ALL} allows everything.
 */
@FunctionalInterface
public interface Permissions {

    /** Allows every permission (StreamKit's default {@code admin} role). */
    Permissions ALL = (request, permission) -> true;

    boolean allows(Request request, String permission);
}
