package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skit serve} starts from the folder of a run killed with SIGKILL, and from a copy of a running
 * server's folder (whose bundle cache names the other folder's {@code deploy/}), with its plugins; a second
 * server on a folder in use exits at once, saying why, and leaves the first one alone.
 */
class StartupRecoveryTest {

    private static final String KIND = "test::survivor";
    private static final String FILE = "survivor.jar";

    @TempDir
    Path workDir;
    @TempDir
    Path copyDir;
    @TempDir
    Path buildDir;

    @Test
    void startsAfterAKillNine() throws Exception {
        SkitServer first = SkitServer.start(workDir, "");
        try {
            deploySurvivor(first);
        } finally {
            first.kill();
        }
        try (SkitServer second = SkitServer.start(workDir, "")) {
            NodeKinds.awaitProvider(second, KIND, "test.plugin.survivor", "1.0.0");
            assertEquals("through the upload", PluginsApiTest.oneshotThrough(second, KIND));
        }
    }

    @Test
    void startsFromACopyOfARunningServersFolder() throws Exception {
        try (SkitServer original = SkitServer.start(workDir, "")) {
            deploySurvivor(original);
            copyTree(workDir, copyDir);
            try (SkitServer copy = SkitServer.start(copyDir, "")) {
                assertTrue(copy.log().contains("rebuilding the bundle cache"), copy.log());
                NodeKinds.awaitProvider(copy, KIND, "test.plugin.survivor", "1.0.0");
                JsonNode entry = PluginList.await(copy, FILE, e -> e.path("state").asText().equals("active"), "active");
                assertTrue(entry.path("reason").isNull(), entry.toString());
                assertEquals("through the upload", PluginsApiTest.oneshotThrough(copy, KIND));
                // The copy's plugin comes from the copy's deploy/: removing the file there removes the kind.
                new DeployFolder(copy).remove(FILE);
                NodeKinds.awaitAbsent(copy, KIND);
            }
            assertEquals(200, original.get("/healthz").statusCode());
            NodeKinds.awaitProvider(original, KIND, "test.plugin.survivor", "1.0.0");
        }
    }

    @Test
    void aSecondServerOnTheSameFolderExitsWithItsReason() throws Exception {
        try (SkitServer running = SkitServer.start(workDir, "")) {
            var exit = SkitServer.runToExit(workDir, "[server]\naddress = \"127.0.0.1:0\"\n", java.time.Duration.ofSeconds(30));
            assertEquals(1, exit.getKey(), exit.getValue());
            assertTrue(exit.getValue().contains("another skit server is running with the data folder"), exit.getValue());
            assertEquals(200, running.get("/healthz").statusCode());
        }
    }

    private void deploySurvivor(SkitServer server) throws Exception {
        new DeployFolder(server).put(TestBundleBuilder.nodeBundle(buildDir, "test.plugin.survivor", KIND), FILE);
        NodeKinds.awaitProvider(server, KIND, "test.plugin.survivor", "1.0.0");
    }

    /** Copies a folder as {@code cp -r} would while the server writes to it; files that vanish meanwhile are skipped. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (java.nio.file.NoSuchFileException vanished) {
                    // a temporary file the running server deleted meanwhile
                }
            }
        }
    }
}
