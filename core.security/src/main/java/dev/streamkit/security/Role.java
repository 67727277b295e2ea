package dev.streamkit.security;

import java.util.Objects;

/**
 * The caller's role, resolved once per HTTP request or WebSocket connection: its name (as the caller
 * gave it, even when unknown; sessions it creates are owned by this name) and its permissions.
 *
 * @param name        the role name
 * @param permissions what it may do
 */
public record Role(String name, PermissionSet permissions) {

    /** The prefix of plugin node kinds, which {@code allowed_plugins} also restricts. */
    public static final String PLUGIN_PREFIX = "plugin::";

    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** Whether the role holds {@code permission}. */
    public boolean can(Permission permission) {
        return permissions.has(permission);
    }

    /**
     * Throws {@link AccessDenied#cannot} unless the role holds {@code permission}.
     *
     * @param action StreamKit's wording for the refused action, e.g. {@code "destroy sessions"}
     */
    public void require(Permission permission, String action) throws AccessDenied {
        if (!can(permission)) throw AccessDenied.cannot(action);
    }

    /**
     * Whether the role may see and act on a session created by {@code createdBy}: with
     * {@link Permission#ACCESS_ALL_SESSIONS}, when it created it, or when nobody is recorded as creator.
     */
    public boolean mayAccess(String createdBy) {
        return createdBy == null || createdBy.equals(name) || can(Permission.ACCESS_ALL_SESSIONS);
    }

    /** Throws {@link AccessDenied#notOwner} unless {@link #mayAccess}. */
    public void requireAccess(String createdBy) throws AccessDenied {
        if (!mayAccess(createdBy)) throw AccessDenied.notOwner();
    }

    /** Whether {@code kind} is in {@code allowed_nodes} and, for a plugin kind, in {@code allowed_plugins}. */
    public boolean allowsNodeKind(String kind) {
        return permissions.allowedNodes().allows(kind)
                && (!kind.startsWith(PLUGIN_PREFIX) || permissions.allowedPlugins().allows(kind));
    }

    /** Throws {@link AccessDenied#nodeKind} or {@link AccessDenied#plugin} unless {@link #allowsNodeKind}. */
    public void requireNodeKind(String kind) throws AccessDenied {
        if (!permissions.allowedNodes().allows(kind)) throw AccessDenied.nodeKind(kind);
        if (kind.startsWith(PLUGIN_PREFIX) && !permissions.allowedPlugins().allows(kind)) throw AccessDenied.plugin(kind);
    }
}
