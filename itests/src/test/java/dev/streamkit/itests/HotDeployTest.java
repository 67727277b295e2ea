package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node bundle built by the test is dropped into the running server's {@code deploy/} folder: its kind
 * appears in the schema (with its bundle as provider) and works in a pipeline, without a restart; when
 * the file is removed the kind disappears again.
 */
class HotDeployTest {

    private static final String KIND = "test::echo";

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void droppedBundleAddsItsKindWithoutRestart() throws Exception {
        assertTrue(NodeKinds.entry(running.get(), KIND) == null, "kind present before deploy");
        Path bundle = TestBundleBuilder.nodeBundle(buildDir, "test.plugin.echo", KIND);
        DeployFolder deploy = new DeployFolder(running.get());
        deploy.put(bundle, "test.plugin.echo.jar");
        NodeKinds.awaitProvider(running.get(), KIND, "test.plugin.echo", "1.0.0");

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

        deploy.remove("test.plugin.echo.jar");
        NodeKinds.awaitAbsent(running.get(), KIND);
    }
}
