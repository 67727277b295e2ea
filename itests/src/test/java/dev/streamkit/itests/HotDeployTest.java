package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node bundle built by the test is dropped into the running server's {@code deploy/} folder: its kind
 * appears in the schema (with its bundle as provider) and works in a pipeline, without a restart; when
 * the file is removed the kind disappears again.
 */
class HotDeployTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KIND = "test::echo";

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void droppedBundleAddsItsKindWithoutRestart() throws Exception {
        assertTrue(providerOf(KIND) == null, "kind present before deploy");
        Path bundle = TestBundleBuilder.nodeBundle(buildDir, "test.plugin.echo", KIND);
        Path deployed = running.get().workDir.resolve("deploy").resolve("test.plugin.echo.jar");
        Files.copy(bundle, deployed.resolveSibling("echo.tmp"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(deployed.resolveSibling("echo.tmp"), deployed, StandardCopyOption.ATOMIC_MOVE);

        JsonNode provider = awaitProvider(true);
        assertEquals("test.plugin.echo", provider.get("bundle").asText());
        assertEquals("1.0.0", provider.get("version").asText());

        String yaml = """
                mode: oneshot
                steps:
                  - kind: streamkit::http_input
                  - kind: test::echo
                  - kind: streamkit::http_output
                """;
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart().text("config", yaml)
                .file("media", "m.txt", "text/plain", "through the plugin".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("through the plugin", new String(response.body(), StandardCharsets.UTF_8));

        Files.delete(deployed);
        awaitProvider(false);
    }

    private static JsonNode awaitProvider(boolean present) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode provider = providerOf(KIND);
            if ((provider != null) == present) return provider;
            Thread.sleep(100);
        }
        throw new AssertionError("kind " + KIND + (present ? " did not appear" : " did not disappear")
                + " within 15 s\n" + running.get().log());
    }

    private static JsonNode providerOf(String kind) throws Exception {
        for (JsonNode node : JSON.readTree(running.get().get("/api/v1/schema/nodes").body())) {
            if (node.get("kind").asText().equals(kind)) return node.get("provider");
        }
        return null;
    }
}
