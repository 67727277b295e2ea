package dev.streamkit.transport.http.files;

import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;

/**
 * Who creates, replaces or deletes a user file (a saved sample, an uploaded asset), as {@link FileOwners}
 * sees it: the caller's role name, and whether it may change files other roles created.
 *
 * @param role         the role name recorded as a new file's owner, or {@code null} to record none
 * @param mayChangeAll whether files of other roles, or without a recorded owner, may be replaced or deleted
 */
public record FileCaller(String role, boolean mayChangeAll) {

    /** A caller bound by nothing and recorded as nobody (tools and tests acting for the server itself). */
    public static final FileCaller ANYONE = new FileCaller(null, true);

    /** The caller of {@code role}: it changes others' files only with {@code access_all_sessions}, as admin does. */
    public static FileCaller of(Role role) {
        return new FileCaller(role.name(), role.can(Permission.ACCESS_ALL_SESSIONS));
    }
}
