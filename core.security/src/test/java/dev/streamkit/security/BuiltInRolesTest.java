package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInRolesTest {

    @Test
    void adminMayDoEverything() {
        for (Permission permission : Permission.values()) assertTrue(BuiltInRoles.ADMIN.has(permission), permission.key());
        assertTrue(BuiltInRoles.ADMIN.allowedNodes().allows("core::file_writer"));
        assertTrue(BuiltInRoles.ADMIN.allowedSamples().allows("demo/anything.yml"));
        assertTrue(BuiltInRoles.ADMIN.allowedAssets().allows("anywhere"));
        assertTrue(BuiltInRoles.ADMIN.allowedPlugins().allows("plugin::native::whisper"));
    }

    @Test
    void userHasEverythingButPluginsAndOtherRolesSessions() {
        for (Permission permission : Permission.values()) {
            boolean expected = permission != Permission.LOAD_PLUGINS && permission != Permission.DELETE_PLUGINS
                    && permission != Permission.ACCESS_ALL_SESSIONS;
            assertEquals(expected, BuiltInRoles.USER.has(permission), permission.key());
        }
    }

    @Test
    void userNodesAreStreamKitsSafeList() {
        Allowlist nodes = BuiltInRoles.USER.allowedNodes();
        for (String kind : List.of("audio::gain", "containers::ogg::demuxer", "transport::moq::peer", "core::passthrough",
                "core::file_reader", "core::pacer", "core::json_serialize", "core::text_chunker", "core::script",
                "core::telemetry_tap", "core::telemetry_out", "core::sink", "plugin::native::whisper")) {
            assertTrue(nodes.allows(kind), kind);
        }
        for (String kind : List.of("core::file_writer", "transport::http::fetcher", "streamkit::http_input")) {
            assertFalse(nodes.allows(kind), kind);
        }
        assertTrue(BuiltInRoles.USER.allowedPlugins().allows("plugin::wasm::gain"));
    }

    @Test
    void userSamplesAndAssetsAreSystemAndUserFolders() {
        Allowlist samples = BuiltInRoles.USER.allowedSamples();
        assertTrue(samples.allows("oneshot/double_volume.yml"));
        assertTrue(samples.allows("dynamic/mixer.yaml"));
        assertTrue(samples.allows("user/mine.yml"));
        assertFalse(samples.allows("demo/show.yml"));
        Allowlist assets = BuiltInRoles.USER.allowedAssets();
        assertTrue(assets.allows("samples/audio/system/speech_generated.ogg"));
        assertTrue(assets.allows("samples/audio/user/upload.wav"));
        assertFalse(assets.allows("samples/other/x.ogg"));
    }

    @Test
    void allListsEachByName() {
        Map<String, PermissionSet> all = BuiltInRoles.all();
        assertEquals(List.of("admin", "user", "viewer"), List.copyOf(all.keySet()));
        assertEquals(15, BuiltInRoles.USER.flags().size());
        assertEquals(List.of("create_sessions", "destroy_sessions", "list_sessions", "modify_sessions", "tune_nodes",
                "load_plugins", "delete_plugins", "list_nodes", "list_samples", "read_samples", "write_samples",
                "delete_samples", "access_all_sessions", "upload_assets", "delete_assets"), List.copyOf(BuiltInRoles.USER.flags().keySet()));
    }

    @Test
    void viewerOnlyLooks() {
        Role viewer = new Role(BuiltInRoles.VIEWER_NAME, BuiltInRoles.VIEWER);
        for (Permission looking : List.of(Permission.LIST_SESSIONS, Permission.LIST_NODES, Permission.LIST_SAMPLES,
                Permission.READ_SAMPLES)) {
            assertTrue(viewer.can(looking), looking.key());
        }
        for (Permission acting : List.of(Permission.CREATE_SESSIONS, Permission.DESTROY_SESSIONS, Permission.MODIFY_SESSIONS,
                Permission.TUNE_NODES, Permission.LOAD_PLUGINS, Permission.DELETE_PLUGINS, Permission.WRITE_SAMPLES,
                Permission.DELETE_SAMPLES, Permission.ACCESS_ALL_SESSIONS, Permission.UPLOAD_ASSETS, Permission.DELETE_ASSETS)) {
            assertFalse(viewer.can(acting), acting.key());
        }
        assertTrue(viewer.allowsNodeKind("audio::gain"), "sees the kinds a user may use");
    }
}
