package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePolicyTest {

    @TempDir
    Path work;
    Path sample;
    FilePolicy policy;

    @BeforeEach
    void layout() throws Exception {
        Files.createDirectories(work.resolve("samples/audio"));
        sample = Files.writeString(work.resolve("samples/audio/a.wav"), "x");
        Files.writeString(work.resolve("secret.txt"), "s");
        Files.createDirectories(work.resolve("out"));
        policy = new FilePolicy(work, List.of("samples/**"), List.of("out/**"));
    }

    private String refusedRead(String path) {
        NodeException e = assertThrows(NodeException.class, () -> policy.readable("reader", "path", path));
        assertEquals("path", e.field());
        assertTrue(e.getMessage().startsWith("Invalid file path in node 'reader': "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsAllowedFileByRealPath() throws Exception {
        assertEquals(sample.toRealPath(), policy.readable("reader", "path", "samples/audio/a.wav"));
        assertEquals(sample.toRealPath(), policy.readable("reader", "path", "samples/../samples/audio/a.wav"));
    }

    @Test
    void refusesEscapesAndOddPaths() throws Exception {
        refusedRead("../../etc/passwd");
        refusedRead("/etc/passwd");
        refusedRead("samples/../secret.txt");
        refusedRead("%2e%2e/secret.txt");
        refusedRead("..\\secret.txt");
        assertTrue(refusedRead("samples/a\0.wav").contains("NUL"));
        assertTrue(refusedRead("samples/" + "a".repeat(4100)).contains("longer"));
        refusedRead("samples/audio");
        refusedRead("");
    }

    @Test
    void refusesSymlinkEscapingTheRoot() throws Exception {
        Files.createSymbolicLink(work.resolve("samples/link.txt"), work.resolve("secret.txt"));
        assertTrue(refusedRead("samples/link.txt").contains("not allowed"));
    }

    @Test
    void writesOnlyWhereAllowedAndNeverThroughSymlinks() throws Exception {
        assertEquals(work.resolve("out").toRealPath().resolve("x.bin"), policy.writable("w", "path", "out/x.bin"));
        assertThrows(NodeException.class, () -> policy.writable("w", "path", "samples/x.bin"));
        assertThrows(NodeException.class, () -> policy.writable("w", "path", "out/../secret.txt"));
        Files.createSymbolicLink(work.resolve("out/link"), work.resolve("secret.txt"));
        assertThrows(NodeException.class, () -> policy.writable("w", "path", "out/link"));
        FilePolicy denyAll = new FilePolicy(work, List.of("**"), List.of());
        assertTrue(assertThrows(NodeException.class, () -> denyAll.writable("w", "path", "out/x.bin")).getMessage()
                .contains("File writes are disabled by configuration (security.allowed_write_paths is empty)"));
    }
}
