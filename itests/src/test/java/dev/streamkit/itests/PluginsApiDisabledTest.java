package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the default {@code [plugins].allow_http_management = false}, the plugin list still answers (an empty
 * array with nothing deployed: StreamKit's UI loads it on every visit), and uploads and deletions answer 403
 * with StreamKit's texts, even for an admin, installing nothing.
 */
class PluginsApiDisabledTest {

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void listsButRefusesUploadsAndDeletions() throws Exception {
        SkitServer server = running.get();
        assertEquals("[]", server.get("/api/v1/plugins").body());
        Path jar = TestBundleBuilder.nodeBundle(buildDir, "test.plugin.refused", "test::refused");
        HttpResponse<byte[]> upload = PluginsApiTest.upload(server, "refused.jar", Files.readAllBytes(jar), Map.of());
        assertEquals(403, upload.statusCode());
        assertEquals("Plugin uploads are disabled by configuration. Set [plugins].allow_http_management = true to enable.",
                new String(upload.body(), StandardCharsets.UTF_8));
        assertFalse(Files.exists(server.workDir.resolve("deploy/refused.jar")));
        assertEquals("[]", server.get("/api/v1/plugins").body());
        assertEquals(null, NodeKinds.entry(server, "test::refused"));

        HttpResponse<String> delete = server.send("DELETE", "/api/v1/plugins/test::refused", null);
        assertEquals(403, delete.statusCode());
        assertEquals("Plugin deletion is disabled by configuration. Set [plugins].allow_http_management = true to enable.",
                delete.body());
    }
}
