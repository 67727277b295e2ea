package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    private final Role admin = new Role("admin", BuiltInRoles.ADMIN);
    private final Role user = new Role("user", BuiltInRoles.USER);

    @Test
    void refusesMissingPermissionsWithStreamKitsText() {
        Role viewer = new Role("viewer", new PermissionSet(Set.of(Permission.LIST_SESSIONS), Allowlist.NONE,
                Allowlist.NONE, Allowlist.NONE, Allowlist.NONE));
        assertDoesNotThrow(() -> viewer.require(Permission.LIST_SESSIONS, "list sessions"));
        AccessDenied denied = assertThrows(AccessDenied.class, () -> viewer.require(Permission.TUNE_NODES, "tune nodes"));
        assertEquals("Permission denied: cannot tune nodes", denied.getMessage());
    }

    @Test
    void nonAdminsOnlyReachTheirOwnOrUnownedSessions() {
        assertTrue(user.mayAccess("user"));
        assertTrue(user.mayAccess(null), "sessions without a recorded creator are shared");
        assertFalse(user.mayAccess("admin"));
        assertTrue(admin.mayAccess("user"));
        assertEquals("Permission denied: you do not own this session",
                assertThrows(AccessDenied.class, () -> user.requireAccess("admin")).getMessage());
    }

    @Test
    void nodeKindsNeedTheNodeAndForPluginsThePluginAllowlist() {
        Role pluginless = new Role("p", new PermissionSet(Set.of(), Allowlist.NONE, Allowlist.ALL, Allowlist.NONE, Allowlist.NONE));
        assertTrue(pluginless.allowsNodeKind("audio::gain"));
        assertFalse(pluginless.allowsNodeKind("plugin::native::whisper"));
        assertEquals("Permission denied: plugin 'plugin::native::whisper' not allowed",
                assertThrows(AccessDenied.class, () -> pluginless.requireNodeKind("plugin::native::whisper")).getMessage());
        assertEquals("Permission denied: node type 'core::file_writer' not allowed",
                assertThrows(AccessDenied.class, () -> user.requireNodeKind("core::file_writer")).getMessage());
        assertDoesNotThrow(() -> admin.requireNodeKind("core::file_writer"));
        assertEquals("Permission denied: node type 'core::file_writer' not allowed (node 'w')",
                assertThrows(AccessDenied.class, () -> user.requireNodeKind("core::file_writer")).inNode("w").getMessage());
    }
}
