package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * StreamKit's plugin API over bundles, with {@code allow_http_management = true}: an upload lands in
 * {@code deploy/} and its kind works in a oneshot pipeline; a newer version of the same bundle replaces it;
 * DELETE removes it. Every refused upload (not a jar, not a bundle, an entry escaping its folder, too large,
 * a role without {@code load_plugins}) answers 4xx with its reason and leaves nothing behind.
 */
class PluginsApiTest {

    private static final long MAX_BODY = 200_000;
    private static final String ROLE_HEADER = "x-skit-role";

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("max_body_size = " + MAX_BODY + "\n"
            + "[plugins]\nallow_http_management = true\n[permissions]\nrole_header = \"" + ROLE_HEADER + "\"\n");

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        SkitServer server = running.get();
        assertEquals("[]", server.get("/api/v1/plugins").body(), "plugin list after the test");
        assertEquals(List.of(), files(server.workDir.resolve("deploy")), "deploy/ after the test");
        assertEquals(List.of(), files(server.workDir.resolve("data/plugin-uploads")), "staging folder after the test");
        assertEquals(200, server.get("/healthz").statusCode());
    }

    @Test
    void uploadedBundleServesItsKindUntilDeleted() throws Exception {
        SkitServer server = running.get();
        String kind = "test::uploaded_echo";
        Path jar = TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("echo")), "test.plugin.uploaded", kind);

        HttpResponse<byte[]> uploaded = upload(server, "uploaded-echo.jar", Files.readAllBytes(jar), Map.of());
        assertEquals(201, uploaded.statusCode(), () -> text(uploaded));
        JsonNode summary = ControlClient.JSON.readTree(uploaded.body());
        assertEquals(kind, summary.path("kind").asText());
        assertEquals(kind, summary.path("original_kind").asText());
        assertEquals("uploaded-echo.jar", summary.path("file_name").asText());
        assertEquals("bundle", summary.path("plugin_type").asText());
        assertEquals("test.plugin.uploaded", summary.path("bundle").asText());
        assertEquals("1.0.0", summary.path("version").asText());
        assertEquals("active", summary.path("state").asText());
        assertTrue(summary.path("reason").isNull(), summary.toString());
        assertTrue(summary.path("categories").isArray() && summary.path("loaded_at_ms").asLong() > 0, summary.toString());
        assertEquals("through the upload", oneshotThrough(server, kind));

        Path newer = TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("echo2")), "test.plugin.uploaded", kind, "1.1.0");
        HttpResponse<byte[]> upgraded = upload(server, "another-name.jar", Files.readAllBytes(newer), Map.of());
        assertEquals(201, upgraded.statusCode(), () -> text(upgraded));
        JsonNode upgradedSummary = ControlClient.JSON.readTree(upgraded.body());
        assertEquals("uploaded-echo.jar", upgradedSummary.path("file_name").asText(), "the installed bundle's file is replaced");
        assertEquals("1.1.0", upgradedSummary.path("version").asText());
        NodeKinds.awaitProvider(server, kind, "test.plugin.uploaded", "1.1.0");
        HttpResponse<byte[]> older = upload(server, "older.jar", Files.readAllBytes(jar), Map.of());
        assertEquals(422, older.statusCode(), () -> text(older));
        assertTrue(text(older).contains("older"), text(older));

        HttpResponse<String> deleted = server.send("DELETE", "/api/v1/plugins/" + kind.replace(":", "%3A"), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(kind, ControlClient.JSON.readTree(deleted.body()).path("kind").asText());
        NodeKinds.awaitAbsent(server, kind);
        HttpResponse<String> again = server.send("DELETE", "/api/v1/plugins/" + kind, null);
        assertEquals(422, again.statusCode());
        assertEquals("Plugin '" + kind + "' is not currently loaded", again.body());
    }

    @Test
    void refusesAJarThatIsNotABundle() throws Exception {
        assertRefused(MalformedJars.notABundle(Files.createDirectories(buildDir.resolve("plain"))), "not an OSGi bundle");
    }

    @Test
    void refusesEntriesThatWouldEscapeTheirFolder() throws Exception {
        assertRefused(MalformedJars.withEscapingEntry(Files.createDirectories(buildDir.resolve("slip"))),
                "'../escaped.txt' would escape its folder");
    }

    private static void assertRefused(Path jar, String reasonPart) throws Exception {
        HttpResponse<byte[]> response = upload(running.get(), jar.getFileName().toString(), Files.readAllBytes(jar), Map.of());
        assertEquals(422, response.statusCode(), () -> text(response));
        assertTrue(text(response).contains(reasonPart), text(response));
    }

    @Test
    void refusesAnUploadOverTheBodyLimit() throws Exception {
        byte[] large = new byte[(int) MAX_BODY + 1];
        HttpResponse<byte[]> response = upload(running.get(), "large.jar", large, Map.of());
        assertEquals(400, response.statusCode(), () -> text(response));
        assertEquals("Plugin upload exceeds configured max body size (" + MAX_BODY + " bytes)", text(response));
    }

    @Test
    void refusesWhatIsNotAJarOrNotAFileField() throws Exception {
        SkitServer server = running.get();
        HttpResponse<byte[]> notJar = upload(server, "plugin.so", new byte[] {1, 2, 3}, Map.of());
        assertEquals(400, notJar.statusCode());
        assertTrue(text(notJar).contains(".jar"), text(notJar));
        HttpResponse<byte[]> missing = server.post("/api/v1/plugins", new Multipart().text("other", "x"));
        assertEquals(400, missing.statusCode());
        assertEquals("Missing 'plugin' file field", text(missing));
    }

    @Test
    void refusesARoleWithoutLoadPlugins() throws Exception {
        Path jar = TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("denied")), "test.plugin.denied", "test::denied");
        HttpResponse<byte[]> response = upload(running.get(), "denied.jar", Files.readAllBytes(jar), Map.of(ROLE_HEADER, "user"));
        assertEquals(403, response.statusCode());
        assertEquals("Permission denied: cannot load plugins", text(response));
        HttpResponse<String> delete = running.get().send("DELETE", "/api/v1/plugins/test::denied", null, Map.of(ROLE_HEADER, "user"));
        assertEquals(403, delete.statusCode());
        assertEquals("Permission denied: cannot delete plugins", delete.body());
    }

    static HttpResponse<byte[]> upload(SkitServer server, String fileName, byte[] jar, Map<String, String> headers) throws Exception {
        return server.post("/api/v1/plugins", new Multipart().file("plugin", fileName, "application/java-archive", jar), headers);
    }

    /** Sends text through a oneshot pipeline using {@code kind} and returns what came out. */
    static String oneshotThrough(SkitServer server, String kind) throws Exception {
        String yaml = "mode: oneshot\nsteps:\n  - kind: streamkit::http_input\n  - kind: " + kind + "\n  - kind: streamkit::http_output\n";
        HttpResponse<byte[]> response = server.post("/api/v1/process", new Multipart().text("config", yaml)
                .file("media", "m.txt", "text/plain", "through the upload".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, response.statusCode(), () -> text(response));
        return text(response);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static List<String> files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
