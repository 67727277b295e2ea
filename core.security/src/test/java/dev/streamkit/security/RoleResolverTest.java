package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoleResolverTest {

    private static final Function<String, String> NO_HEADERS = name -> null;

    /** A header lookup that ignores case, as HTTP header maps do. */
    private static Function<String, String> headers(String name, String value) {
        return asked -> asked.equalsIgnoreCase(name) ? value : null;
    }

    private static ServerConfig.Permissions config(String defaultRole, String roleHeader) {
        ServerConfig.Permissions config = new ServerConfig().permissions;
        config.defaultRole = defaultRole;
        config.roleHeader = roleHeader;
        return config;
    }

    @Test
    void headerThenEnvironmentThenDefault() {
        RoleResolver resolver = RoleResolver.fromConfig(config("admin", "X-Role"), Map.of("SK_ROLE", "user"));
        assertEquals("x-role", resolver.roleHeader());
        assertEquals("admin", resolver.resolve(headers("x-role", "admin")).name());
        assertEquals("user", resolver.resolve(NO_HEADERS).name(), "SK_ROLE when no header");
        assertEquals("user", resolver.resolve(headers("x-role", " ")).name(), "a blank header counts as absent");
        RoleResolver noEnv = RoleResolver.fromConfig(config("user", "x-role"), Map.of());
        assertEquals("user", noEnv.resolve(NO_HEADERS).name());
        assertSame(BuiltInRoles.USER, noEnv.resolve(NO_HEADERS).permissions());
    }

    @Test
    void headerIsIgnoredUnlessConfigured() {
        RoleResolver resolver = RoleResolver.fromConfig(config("user", null), Map.of());
        Role role = resolver.resolve(headers("x-role", "admin"));
        assertEquals("user", role.name());
        assertFalse(role.can(Permission.ACCESS_ALL_SESSIONS));
    }

    @Test
    void unknownHeaderRoleGetsNothingAndIsReported() {
        RoleResolver resolver = RoleResolver.fromConfig(config("admin", "x-role"), Map.of());
        Role stranger = resolver.resolve(headers("X-ROLE", "stranger"));
        assertEquals("stranger", stranger.name());
        assertSame(PermissionSet.NONE, stranger.permissions());
        assertEquals("stranger", resolver.unknownHeaderRole(headers("x-role", " stranger ")));
        assertEquals("Admin", resolver.unknownHeaderRole(headers("x-role", "Admin")), "role names are case-sensitive");
        assertNull(resolver.unknownHeaderRole(headers("x-role", "user")));
        assertNull(resolver.unknownHeaderRole(NO_HEADERS), "a missing header falls back, it is not refused");
        assertNull(RoleResolver.fromConfig(config("admin", null), Map.of()).unknownHeaderRole(headers("x-role", "ghost")),
                "headers are ignored when no role header is configured");
    }

    @Test
    void unknownEnvironmentRoleKeepsItsNameWithTheDefaultRolesPermissions() {
        RoleResolver resolver = RoleResolver.fromConfig(config("user", "x-role"), Map.of("SK_ROLE", "stranger"));
        Role stranger = resolver.resolve(NO_HEADERS);
        assertEquals("stranger", stranger.name());
        assertSame(BuiltInRoles.USER, stranger.permissions());
        assertSame(BuiltInRoles.USER, resolver.role("Admin").permissions());
    }

    @Test
    void unknownRoleWithUnknownDefaultGetsNothing() {
        RoleResolver resolver = RoleResolver.fromConfig(config("nobody", "x-role"), Map.of());
        assertSame(PermissionSet.NONE, resolver.resolve(headers("x-role", "ghost")).permissions());
        assertSame(PermissionSet.NONE, resolver.resolve(NO_HEADERS).permissions());
        for (boolean flag : PermissionSet.NONE.flags().values()) assertFalse(flag);
    }

    @Test
    void configuredRolesJoinAndReplaceTheBuiltIns() {
        ServerConfig.Permissions config = config("admin", "x-role");
        ServerConfig.RolePermissions viewer = new ServerConfig.RolePermissions();
        viewer.listSessions = true;
        ServerConfig.RolePermissions user = new ServerConfig.RolePermissions();
        user.createSessions = true;
        user.allowedNodes = List.of("core::sink");
        config.roles = new HashMap<>(Map.of("viewer", viewer, "user", user));
        RoleResolver resolver = RoleResolver.fromConfig(config, Map.of());
        Role viewerRole = resolver.resolve(headers("x-role", "viewer"));
        assertTrue(viewerRole.can(Permission.LIST_SESSIONS));
        assertFalse(viewerRole.can(Permission.CREATE_SESSIONS));
        Role userRole = resolver.resolve(headers("x-role", "user"));
        assertTrue(userRole.can(Permission.CREATE_SESSIONS));
        assertFalse(userRole.can(Permission.TUNE_NODES), "omitted booleans are false");
        assertFalse(userRole.allowsNodeKind("audio::gain"));
        assertSame(BuiltInRoles.ADMIN, resolver.resolve(NO_HEADERS).permissions(), "admin is still built in");
    }
}
