package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.config.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredRolesTest {

    @Test
    void mapsEveryBooleanToItsPermission() {
        ServerConfig.RolePermissions all = new ServerConfig.RolePermissions();
        all.createSessions = all.destroySessions = all.listSessions = all.modifySessions = all.tuneNodes = true;
        all.loadPlugins = all.deletePlugins = all.listNodes = all.listSamples = all.readSamples = true;
        all.writeSamples = all.deleteSamples = all.accessAllSessions = all.uploadAssets = all.deleteAssets = true;
        assertEquals(Set.of(Permission.values()), ConfiguredRoles.permissionSet(all).granted());
        ServerConfig.RolePermissions one = new ServerConfig.RolePermissions();
        one.deleteAssets = true;
        assertEquals(Set.of(Permission.DELETE_ASSETS), ConfiguredRoles.permissionSet(one).granted());
    }

    @Test
    void omittedListsDenyAndSamplePathsLoseTheSamplesDirPrefix() {
        ServerConfig.RolePermissions role = new ServerConfig.RolePermissions();
        role.allowedSamples = List.of("samples/pipelines/oneshot/*.yml", "dynamic/*.yml");
        PermissionSet set = ConfiguredRoles.permissionSet(role);
        assertEquals(List.of("oneshot/*.yml", "dynamic/*.yml"), set.allowedSamples().patterns());
        assertTrue(set.allowedSamples().allows("oneshot/double_volume.yml"));
        assertFalse(set.allowedNodes().allows("audio::gain"));
        assertFalse(set.allowedAssets().allows("samples/audio/system/a.ogg"));
    }

    @Test
    void noConfiguredRolesMeansTheBuiltIns() {
        assertEquals(BuiltInRoles.all(), ConfiguredRoles.of(Map.of()));
    }
}
