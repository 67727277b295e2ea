package dev.streamkit.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamKit's built-in roles, used when {@code [permissions.roles]} is empty and kept for names it
 * does not configure: {@code admin} may do everything; {@code user} may run, list, modify and tune its
 * own sessions and manage samples and assets, but not load or delete plugins, nor touch other roles'
 * sessions, and only with the node kinds StreamKit deems safe (no {@code core::file_writer}, no HTTP fetcher);
 * {@code viewer} may only look.
 */
public final class BuiltInRoles {

    /** The {@code admin} role's name (StreamKit's default role). */
    public static final String ADMIN_NAME = "admin";
    /** The {@code user} role's name. */
    public static final String USER_NAME = "user";
    /** The {@code viewer} role's name (read-only). */
    public static final String VIEWER_NAME = "viewer";

    /** Every permission; every allowlist {@code *}. */
    public static final PermissionSet ADMIN = new PermissionSet(EnumSet.allOf(Permission.class),
            Allowlist.ALL, Allowlist.ALL, Allowlist.ALL, Allowlist.ALL);

    private static final Allowlist USER_SAMPLES =
            Allowlist.of("oneshot/*.yml", "oneshot/*.yaml", "dynamic/*.yml", "dynamic/*.yaml", "user/*.yml", "user/*.yaml");
    private static final Allowlist USER_NODES = Allowlist.of("audio::*", "containers::*", "transport::moq::*",
            "core::passthrough", "core::file_reader", "core::pacer", "core::json_serialize", "core::text_chunker",
            "core::script", "core::telemetry_tap", "core::telemetry_out", "core::sink", "plugin::*");
    private static final Allowlist USER_PLUGINS = Allowlist.of("plugin::*");
    private static final Allowlist USER_ASSETS = Allowlist.of("samples/audio/system/*", "samples/audio/user/*");

    /** StreamKit's {@code user}. */
    public static final PermissionSet USER = new PermissionSet(
            EnumSet.complementOf(EnumSet.of(Permission.LOAD_PLUGINS, Permission.DELETE_PLUGINS, Permission.ACCESS_ALL_SESSIONS)),
            USER_SAMPLES, USER_NODES, USER_PLUGINS, USER_ASSETS);

    /**
     * StreamKit's read-only {@code viewer}: lists its own sessions (and their pipelines), node kinds and sample
     * pipelines, and reads samples, within {@code user}'s allowlists; it creates, modifies, tunes and deletes
     * nothing, and uploads nothing.
     */
    public static final PermissionSet VIEWER = new PermissionSet(
            EnumSet.of(Permission.LIST_SESSIONS, Permission.LIST_NODES, Permission.LIST_SAMPLES, Permission.READ_SAMPLES),
            USER_SAMPLES, USER_NODES, USER_PLUGINS, USER_ASSETS);

    private BuiltInRoles() {
    }

    /** {@code admin}, {@code user} and {@code viewer}, by name. */
    public static Map<String, PermissionSet> all() {
        Map<String, PermissionSet> roles = new LinkedHashMap<>();
        roles.put(ADMIN_NAME, ADMIN);
        roles.put(USER_NAME, USER);
        roles.put(VIEWER_NAME, VIEWER);
        return roles;
    }
}
