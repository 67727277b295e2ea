package dev.streamkit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigHandoffTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsALoadedConfiguration() throws Exception {
        Path file = Files.writeString(dir.resolve("skit.toml"), """
                [server]
                address = "127.0.0.1:9000"
                [security]
                allowed_file_paths = ["media/**", "samples/**"]
                [engine.advanced]
                codec_channel_capacity = 16
                [permissions.roles.viewer]
                list_sessions = true
                allowed_nodes = ["audio::*"]
                """);
        ServerConfig loaded = ConfigLoader.load(file, Map.of("SK_PERMISSIONS__MAX_CONCURRENT_ONESHOTS", "2"));
        ServerConfig copy = ConfigHandoff.decode(ConfigHandoff.encode(loaded));
        assertEquals("127.0.0.1:9000", copy.server.address);
        assertEquals(List.of("media/**", "samples/**"), copy.security.allowedFilePaths);
        assertEquals(16, ((Number) copy.engine.advanced.get("codec_channel_capacity")).intValue());
        assertEquals(2, copy.permissions.maxConcurrentOneshots);
        assertEquals(List.of("audio::*"), copy.permissions.roles.get("viewer").allowedNodes);
        assertEquals(ConfigHandoff.encode(loaded), ConfigHandoff.encode(copy));
    }

    @Test
    void refusesAnythingButConfiguration() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.Date());
        }
        String foreign = Base64.getEncoder().encodeToString(bytes.toByteArray());
        assertThrows(ConfigException.class, () -> ConfigHandoff.decode(foreign));
        assertThrows(ConfigException.class, () -> ConfigHandoff.decode("not base64!"));
    }
}
