package dev.streamkit.security;

import dev.streamkit.config.ServerConfig;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * StreamKit's role resolution, once per HTTP request or WebSocket upgrade: the value of the trusted
 * header {@code [permissions].role_header} (only when configured; header names compare case-insensitively),
 * else the {@code SK_ROLE} environment variable, else {@code [permissions].default_role}. A role that the
 * trusted header names but that is not configured (names compare exactly: {@code User} is not {@code user})
 * gets no permission at all, and the transports refuse the request ({@link #unknownHeaderRole}); a missing
 * header falls back as in StreamKit. A role from {@code SK_ROLE} or the default role that is not configured
 * keeps its name but gets the default role's permissions, or none when the default role is unknown too.
 * Blank values count as absent. Immutable and thread-safe.
 */
public final class RoleResolver {

    /** The environment variable naming the role when no header does. */
    public static final String ENV_ROLE = "SK_ROLE";

    private final Map<String, PermissionSet> roles;
    private final String defaultRole;
    private final String roleHeader;
    private final String environmentRole;

    /**
     * @param roles           the roles by name
     * @param defaultRole     {@code [permissions].default_role} ({@code admin} when blank)
     * @param roleHeader      {@code [permissions].role_header}, or {@code null} to ignore headers
     * @param environmentRole the value of {@code SK_ROLE}, or {@code null}
     */
    public RoleResolver(Map<String, PermissionSet> roles, String defaultRole, String roleHeader, String environmentRole) {
        this.roles = Map.copyOf(roles);
        this.defaultRole = blank(defaultRole) ? BuiltInRoles.ADMIN_NAME : defaultRole.trim();
        this.roleHeader = blank(roleHeader) ? null : roleHeader.trim().toLowerCase(Locale.ROOT);
        this.environmentRole = blank(environmentRole) ? null : environmentRole.trim();
    }

    /** The resolver for {@code [permissions]} and the process environment {@code env}. */
    public static RoleResolver fromConfig(ServerConfig.Permissions config, Map<String, String> env) {
        return new RoleResolver(ConfiguredRoles.of(config.roles), config.defaultRole, config.roleHeader, env.get(ENV_ROLE));
    }

    /** The trusted header's name in lower case, or {@code null} when roles do not come from headers. */
    public String roleHeader() {
        return roleHeader;
    }

    /**
     * The caller's role.
     *
     * @param headers the request's header lookup by name (case-insensitive), answering {@code null} when absent
     */
    public Role resolve(Function<String, String> headers) {
        String name = headerRole(headers);
        String unknown = unknown(name);
        if (unknown != null) return new Role(unknown, PermissionSet.NONE);
        if (blank(name)) name = environmentRole;
        if (blank(name)) name = defaultRole;
        return role(name.trim());
    }

    /**
     * The role the trusted header names when no such role is configured, else {@code null} (no header
     * configured, header absent or blank, or a known role). A request carrying one must be refused.
     */
    public String unknownHeaderRole(Function<String, String> headers) {
        return unknown(headerRole(headers));
    }

    /** The trusted header's value, or {@code null} when no header is configured or the request has none. */
    private String headerRole(Function<String, String> headers) {
        return roleHeader == null ? null : headers.apply(roleHeader);
    }

    /** {@code name} trimmed when it names no configured role, else {@code null} (blank or known). */
    private String unknown(String name) {
        return blank(name) || roles.containsKey(name.trim()) ? null : name.trim();
    }

    /** The role called {@code name}, with the fallback permissions when no such role exists. */
    public Role role(String name) {
        PermissionSet permissions = roles.get(name);
        if (permissions == null) permissions = roles.getOrDefault(defaultRole, PermissionSet.NONE);
        return new Role(name, permissions);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
