package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Apache Felix Web Console at {@code /system/console} on the server's own port: administrators get its
 * pages, every other role (whatever credentials it brings for the console's own login) StreamKit's 403; a
 * node bundle installed, updated and uninstalled through the console's bundle actions comes, moves to its
 * new version and goes in {@code /api/v1/schema/nodes} as with {@code deploy/}.
 */
class WebConsoleTest {

    private static final Map<String, String> ADMIN = Map.of("X-Role", "admin");
    private static final Map<String, String> USER = Map.of("X-Role", "user");
    private static final String REFUSAL = "Permission denied: cannot access /system/console";

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("""
            [permissions]
            role_header = "X-Role"
            default_role = "user"
            """);

    /**
     * The console's bundles start at start level 3, after {@code /healthz} first answers; on a loaded machine the
     * first request can come before the console is mounted. Waits (at most 30 s) until it is.
     */
    @BeforeEach
    void awaitConsoleMounted() throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (running.get().send("GET", "/system/console/bundles", null, ADMIN).statusCode() == 404) {
            if (System.nanoTime() > deadline) throw new AssertionError("the web console was not mounted within 30 s");
            Thread.sleep(100);
        }
    }

    @Test
    void answersAdministratorsWithItsPages() throws Exception {
        HttpResponse<String> bundles = running.get().send("GET", "/system/console/bundles", null, ADMIN);
        assertEquals(200, bundles.statusCode(), bundles.body());
        assertTrue(bundles.body().contains("Apache Felix Web Console"), bundles.body());
        for (String page : List.of("/system/console/components", "/system/console/configMgr",
                "/system/console/res/ui/webconsole.css")) {
            assertEquals(200, running.get().send("GET", page, null, ADMIN).statusCode(), page);
        }
    }

    @Test
    void refusesEveryOtherRoleEvenWithTheConsolesDefaultLogin() throws Exception {
        String defaultLogin = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        for (Map<String, String> headers : List.of(Map.<String, String>of(), USER, Map.of("X-Role", "nobody"),
                Map.of("X-Role", "user", "Authorization", defaultLogin))) {
            for (String path : List.of("/system/console", "/system/console/bundles", "/system/console/res/ui/webconsole.css")) {
                HttpResponse<String> refused = running.get().send("GET", path, null, headers);
                assertEquals(403, refused.statusCode(), path + " " + headers);
                assertEquals("nobody".equals(headers.get("X-Role")) ? "Permission denied: unknown role 'nobody'" : REFUSAL,
                        refused.body());
            }
        }
    }

    @Test
    void bundleInstalledUpdatedAndUninstalledThroughTheConsoleComesMovesAndGoes() throws Exception {
        String kind = "plugin::console_echo";
        String name = "test.plugin.console";
        HttpResponse<byte[]> installed = install(TestBundleBuilder.nodeBundle(dir("v1"), name, kind, "1.0.0"), ADMIN);
        assertEquals(200, installed.statusCode(), () -> new String(installed.body(), StandardCharsets.UTF_8));
        NodeKinds.awaitProvider(running.get(), kind, name, "1.0.0");

        HttpResponse<byte[]> updated = install(TestBundleBuilder.nodeBundle(dir("v2"), name, kind, "1.1.0"), ADMIN);
        assertEquals(200, updated.statusCode());
        NodeKinds.awaitProvider(running.get(), kind, name, "1.1.0");

        HttpResponse<byte[]> uninstalled = running.get().post("/system/console/bundles/" + bundleId(name),
                new Multipart().text("action", "uninstall"), ADMIN);
        assertEquals(200, uninstalled.statusCode());
        NodeKinds.awaitAbsent(running.get(), kind);
    }

    @Test
    void installByAnotherRoleIsRefusedAndInstallsNothing() throws Exception {
        String name = "test.plugin.refused";
        HttpResponse<byte[]> refused = install(TestBundleBuilder.nodeBundle(dir("refused"), name, "plugin::refused", "1.0.0"), USER);
        assertEquals(403, refused.statusCode());
        assertEquals(REFUSAL, new String(refused.body(), StandardCharsets.UTF_8));
        assertNull(bundleId(name));
    }

    /** Posts {@code jar} to the console's install action (as its upload form does) with {@code role}'s headers. */
    private static HttpResponse<byte[]> install(Path jar, Map<String, String> role) throws Exception {
        return running.get().post("/system/console/bundles/install", new Multipart()
                .text("action", "install").text("bundlestart", "start")
                .file("bundlefile", jar.getFileName().toString(), "application/java-archive", Files.readAllBytes(jar)), role);
    }

    /** The id of the installed bundle named {@code symbolicName}, from the console's bundle list, or null. */
    private static String bundleId(String symbolicName) throws Exception {
        HttpResponse<String> list = running.get().send("GET", "/system/console/bundles.json", null, ADMIN);
        assertEquals(200, list.statusCode(), list.body());
        for (JsonNode bundle : ControlClient.JSON.readTree(list.body()).get("data")) {
            if (symbolicName.equals(bundle.get("symbolicName").asText())) return bundle.get("id").asText();
        }
        return null;
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectories(buildDir.resolve(name));
    }
}
