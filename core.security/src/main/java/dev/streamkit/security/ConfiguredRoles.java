package dev.streamkit.security;

import dev.streamkit.config.ServerConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code [permissions.roles.<name>]} tables into {@link PermissionSet}s: the built-in roles, then
 * each configured role by name (replacing a built-in of that name; it does not inherit from it). In
 * {@code allowed_samples}, a leading {@code samples/pipelines/} is stripped, as StreamKit does on load.
 */
public final class ConfiguredRoles {

    private static final List<String> SAMPLE_PREFIXES = List.of("./samples/pipelines/", "samples/pipelines/");

    private ConfiguredRoles() {
    }

    /** The roles by name: built-ins overlaid with {@code configured}. */
    public static Map<String, PermissionSet> of(Map<String, ServerConfig.RolePermissions> configured) {
        Map<String, PermissionSet> roles = BuiltInRoles.all();
        configured.forEach((name, role) -> roles.put(name, permissionSet(role)));
        return roles;
    }

    /** One configured role. */
    public static PermissionSet permissionSet(ServerConfig.RolePermissions role) {
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        for (Permission permission : Permission.values()) {
            if (flag(role, permission)) granted.add(permission);
        }
        return new PermissionSet(granted, Allowlist.of(role.allowedSamples.stream().map(ConfiguredRoles::stripSamplesDir).toList()),
                Allowlist.of(role.allowedNodes), Allowlist.of(role.allowedPlugins), Allowlist.of(role.allowedAssets));
    }

    private static boolean flag(ServerConfig.RolePermissions role, Permission permission) {
        return switch (permission) {
            case CREATE_SESSIONS -> role.createSessions;
            case DESTROY_SESSIONS -> role.destroySessions;
            case LIST_SESSIONS -> role.listSessions;
            case MODIFY_SESSIONS -> role.modifySessions;
            case TUNE_NODES -> role.tuneNodes;
            case LOAD_PLUGINS -> role.loadPlugins;
            case DELETE_PLUGINS -> role.deletePlugins;
            case LIST_NODES -> role.listNodes;
            case LIST_SAMPLES -> role.listSamples;
            case READ_SAMPLES -> role.readSamples;
            case WRITE_SAMPLES -> role.writeSamples;
            case DELETE_SAMPLES -> role.deleteSamples;
            case ACCESS_ALL_SESSIONS -> role.accessAllSessions;
            case UPLOAD_ASSETS -> role.uploadAssets;
            case DELETE_ASSETS -> role.deleteAssets;
        };
    }

    private static String stripSamplesDir(String pattern) {
        for (String prefix : SAMPLE_PREFIXES) {
            if (pattern.startsWith(prefix)) return pattern.substring(prefix.length());
        }
        return pattern;
    }
}
