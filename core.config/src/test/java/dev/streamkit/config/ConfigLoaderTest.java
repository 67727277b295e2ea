package dev.streamkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchStreamKit() throws Exception {
        ServerConfig config = ConfigLoader.load(dir.resolve("missing.toml"), Map.of());
        assertEquals("127.0.0.1:4545", config.server.address);
        assertEquals(104_857_600L, config.server.maxBodySize);
        assertEquals("./samples/pipelines", config.server.samplesDir);
        assertEquals(List.of("samples/**"), config.security.allowedFilePaths);
        assertTrue(config.security.allowedWritePaths.isEmpty());
        assertEquals("admin", config.permissions.defaultRole);
        assertNull(config.permissions.maxConcurrentOneshots);
        assertEquals(256, config.engine.oneshot.mediaChannelCapacity);
        assertNull(config.server.http3Address);
    }

    @Test
    void fileOverridesDefaultsAndEnvironmentOverridesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("skit.toml"), """
                [server]
                address = "0.0.0.0:8080"
                max_body_size = 1024

                [engine.oneshot]
                media_channel_capacity = 8

                [security]
                allowed_file_paths = ["media/**"]
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of(
                "SK_SERVER__ADDRESS", "127.0.0.1:9999",
                "SK_ENGINE__ONESHOT__MEDIA_CHANNEL_CAPACITY", "16",
                "SK_PERMISSIONS__MAX_CONCURRENT_ONESHOTS", "3",
                "SK_SECURITY__ALLOWED_WRITE_PATHS", "[\"out/**\"]",
                "SK_ROLE", "user",
                "HOME", "/root"));
        assertEquals("127.0.0.1:9999", config.server.address);
        assertEquals(1024, config.server.maxBodySize);
        assertEquals(16, config.engine.oneshot.mediaChannelCapacity);
        assertEquals(3, config.permissions.maxConcurrentOneshots);
        assertEquals(List.of("media/**"), config.security.allowedFilePaths);
        assertEquals(List.of("out/**"), config.security.allowedWritePaths);
        assertEquals(32, config.engine.packetBatchSize, "untouched keys keep their defaults");
    }

    @Test
    void reportsBrokenFilesAndWrongTypes() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.toml"), "[server\naddress = ");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(broken, Map.of())).getMessage()
                .startsWith("Cannot read config file"));
        Path wrongType = Files.writeString(dir.resolve("wrong.toml"), "[server]\nmax_body_size = \"huge\"\n");
        assertThrows(ConfigException.class, () -> ConfigLoader.load(wrongType, Map.of()));
    }

    @Test
    void printsDefaultsAsTomlThatLoadsBack() throws Exception {
        String toml = ConfigLoader.defaultsAsToml();
        assertTrue(toml.startsWith("[server]\naddress = \"127.0.0.1:4545\"\n"), toml);
        assertTrue(toml.contains("\n[server.cors]\nallowed_origins = [\"http://localhost\""), toml);
        assertTrue(toml.contains("\n[engine.oneshot]\n"), toml);
        assertFalse(toml.contains("http3_address"), "unset keys are omitted");
        assertFalse(toml.contains("roles"), "no configured roles: the built-in ones apply and are not printed");
        Path file = Files.writeString(dir.resolve("defaults.toml"), toml);
        assertEquals(ConfigLoader.defaultsAsToml(), ConfigLoader.defaultsAsToml());
        assertEquals("127.0.0.1:4545", ConfigLoader.load(file, Map.of()).server.address);
    }

    @Test
    void readsRolesWithOmittedFieldsAsDenied() throws Exception {
        Path file = Files.writeString(dir.resolve("roles.toml"), """
                [permissions]
                role_header = "X-Role"

                [permissions.roles.viewer]
                list_sessions = true
                allowed_samples = ["oneshot/*.yml"]

                [permissions.roles.user]
                create_sessions = true
                """);
        ServerConfig config = ConfigLoader.load(file, Map.of("SK_PERMISSIONS__ROLES__VIEWER__LIST_NODES", "true"));
        assertEquals("X-Role", config.permissions.roleHeader);
        assertEquals(List.of("viewer", "user"), List.copyOf(config.permissions.roles.keySet()));
        ServerConfig.RolePermissions viewer = config.permissions.roles.get("viewer");
        assertTrue(viewer.listSessions);
        assertTrue(viewer.listNodes, "environment overrides reach role keys");
        assertFalse(viewer.createSessions);
        assertEquals(List.of("oneshot/*.yml"), viewer.allowedSamples);
        assertTrue(viewer.allowedNodes.isEmpty());
        ServerConfig.RolePermissions user = config.permissions.roles.get("user");
        assertTrue(user.createSessions);
        assertFalse(user.tuneNodes, "a configured role does not inherit from the built-in of its name");
    }

    @Test
    void authDefaultsFollowStreamKitAndTakeEnvironmentOverrides() throws Exception {
        ServerConfig defaults = ConfigLoader.load(null, Map.of());
        assertEquals("auto", defaults.auth.mode);
        assertEquals(".streamkit/auth", defaults.auth.stateDir);
        assertEquals("skit_session", defaults.auth.cookieName);
        assertTrue(defaults.auth.apiDefaultTtlSecs < defaults.auth.apiMaxTtlSecs);
        assertTrue(defaults.auth.moqDefaultTtlSecs < defaults.auth.moqMaxTtlSecs);
        assertTrue(defaults.auth.moqPublicPaths.isEmpty());

        ServerConfig overridden = ConfigLoader.load(null, Map.of(
                "SK_AUTH__MODE", "enabled", "SK_AUTH__STATE_DIR", "/var/lib/skit/auth",
                "SK_AUTH__API_MAX_TTL_SECS", "60", "SK_AUTH__MOQ_PUBLIC_PATHS", "[\"/moq\"]"));
        assertEquals("enabled", overridden.auth.mode);
        assertEquals("/var/lib/skit/auth", overridden.auth.stateDir);
        assertEquals(60, overridden.auth.apiMaxTtlSecs);
        assertEquals(List.of("/moq"), overridden.auth.moqPublicPaths);
    }
}
