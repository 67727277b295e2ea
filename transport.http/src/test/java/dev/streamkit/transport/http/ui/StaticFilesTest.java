package dev.streamkit.transport.http.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    @TempDir
    Path dir;
    private Path ui;
    private StaticFiles files;

    @BeforeEach
    void layOut() throws Exception {
        ui = Files.createDirectories(dir.resolve("ui"));
        Files.writeString(ui.resolve("index.html"), "<p>app</p>");
        Files.createDirectories(ui.resolve("assets"));
        Files.writeString(ui.resolve("assets/app.js"), "1");
        Files.writeString(dir.resolve("secret.txt"), "no");
        files = new StaticFiles(ui);
    }

    @Test
    void servesExistingFilesAndIndexForTheRoot() throws Exception {
        assertEquals(ui.resolve("assets/app.js").toRealPath(), files.resolve("/assets/app.js"));
        assertEquals(ui.resolve("index.html").toRealPath(), files.resolve("/"));
        assertEquals(ui.resolve("index.html").toRealPath(), files.resolve("/assets"));
    }

    @Test
    void clientSideRoutesGetIndexButMissingAssetsDoNot() throws Exception {
        assertEquals(ui.resolve("index.html").toRealPath(), files.resolve("/sessions/abc"));
        assertNull(files.resolve("/assets/missing.js"));
    }

    @Test
    void neverLeavesTheDirectory() throws Exception {
        assertNull(files.resolve("/../secret.txt"));
        assertNull(files.resolve("/assets/../../secret.txt"));
        Files.createSymbolicLink(ui.resolve("leak.txt"), dir.resolve("secret.txt"));
        assertNull(files.resolve("/leak.txt"));
    }
}
