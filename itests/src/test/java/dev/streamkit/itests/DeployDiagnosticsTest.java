package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken files dropped into {@code deploy/} show in {@code GET /api/v1/plugins} with their state and reason,
 * are logged once, and disturb nothing else: a good plugin deployed beside them keeps working and
 * {@code /healthz} answers.
 */
class DeployDiagnosticsTest {

    @TempDir
    static Path buildDir;
    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @Test
    void aJarThatIsNotABundleIsListedAsInvalid() throws Exception {
        SkitServer server = running.get();
        new DeployFolder(server).put(MalformedJars.notABundle(Files.createDirectories(buildDir.resolve("plain"))), "plain-library.jar");
        JsonNode entry = PluginList.awaitReason(server, "plain-library.jar");
        assertEquals("invalid", entry.path("state").asText());
        assertTrue(entry.path("reason").asText().contains("Bundle-ManifestVersion"), entry.toString());
        assertHealthyBeside(server, "plain");
        assertLoggedOnce(server, entry.path("reason").asText());
    }

    @Test
    void aBundleWithAMissingImportNamesIt() throws Exception {
        SkitServer server = running.get();
        JsonNode entry = deployBroken(server, "missing", TestBundleBuilder.Breakage.MISSING_IMPORT);
        assertEquals("installed", entry.path("state").asText());
        assertEquals("test.plugin.missing", entry.path("bundle").asText());
        assertTrue(entry.path("reason").asText().contains(TestBundleBuilder.MISSING_PACKAGE), entry.toString());
        assertEquals(null, NodeKinds.entry(server, "test::missing"));
        assertHealthyBeside(server, "missing");
        assertLoggedOnce(server, entry.path("reason").asText());
    }

    @Test
    void aComponentWhoseActivationThrowsShowsTheException() throws Exception {
        SkitServer server = running.get();
        JsonNode entry = deployBroken(server, "throws", TestBundleBuilder.Breakage.ACTIVATION_THROWS);
        assertEquals("active", entry.path("state").asText());
        assertTrue(entry.path("reason").asText().contains(TestBundleBuilder.ACTIVATION_FAILURE), entry.toString());
        assertEquals(null, NodeKinds.entry(server, "test::throws"), "a kind whose factory never activated is not usable");
        assertHealthyBeside(server, "throws");
    }

    @Test
    void aKindProvidedByTwoBundlesNamesBoth() throws Exception {
        SkitServer server = running.get();
        String kind = "test::twice";
        DeployFolder deploy = new DeployFolder(server);
        deploy.put(TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("first")), "test.plugin.first", kind), "first.jar");
        NodeKinds.awaitProvider(server, kind, "test.plugin.first", "1.0.0");
        deploy.put(TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("second")), "test.plugin.second", kind), "second.jar");
        JsonNode second = PluginList.awaitReason(server, "second.jar");
        assertTrue(second.path("reason").asText().contains("also provided by test.plugin.first"), second.toString());
        JsonNode first = PluginList.awaitReason(server, "first.jar");
        assertTrue(first.path("reason").asText().contains("also provided by test.plugin.second"), first.toString());
        assertEquals("through the upload", PluginsApiTest.oneshotThrough(server, kind));
    }

    /** Deploys bundle {@code test.plugin.<name>} (kind {@code test::<name>}) broken as said; returns its entry once it has a reason. */
    private static JsonNode deployBroken(SkitServer server, String name, TestBundleBuilder.Breakage breakage) throws Exception {
        Path jar = TestBundleBuilder.brokenNodeBundle(Files.createDirectories(buildDir.resolve(name)), "test.plugin." + name,
                "test::" + name, breakage);
        new DeployFolder(server).put(jar, name + ".jar");
        JsonNode entry = PluginList.awaitReason(server, name + ".jar");
        System.out.println("skit: plugin entry of a broken bundle: " + entry);
        return entry;
    }

    /** A good plugin deployed after the broken one works, and the server is healthy. */
    private static void assertHealthyBeside(SkitServer server, String name) throws Exception {
        String kind = "test::good_beside_" + name;
        Path good = TestBundleBuilder.nodeBundle(Files.createDirectories(buildDir.resolve("good-" + name)), "test.plugin.good." + name, kind);
        new DeployFolder(server).put(good, "good-" + name + ".jar");
        NodeKinds.awaitProvider(server, kind, "test.plugin.good." + name, "1.0.0");
        assertEquals("through the upload", PluginsApiTest.oneshotThrough(server, kind));
        assertEquals(200, server.get("/healthz").statusCode());
        JsonNode entry = PluginList.entry(server, "good-" + name + ".jar");
        assertEquals("active", entry.path("state").asText(), entry.toString());
        assertTrue(entry.path("reason").isNull(), entry.toString());
    }

    /** The problem is in the log exactly once, even after the periodic check ran again. */
    private static void assertLoggedOnce(SkitServer server, String reason) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (occurrences(server.log(), reason) == 0 && System.nanoTime() < deadline) Thread.sleep(200);
        Thread.sleep(4_500); // two more runs of the 2 s check
        assertEquals(1, occurrences(server.log(), reason), server.log());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) count++;
        return count;
    }
}
