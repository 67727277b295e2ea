package dev.streamkit.security.jwt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafeFileTest {

    @TempDir
    Path dir;

    @Test
    void ownerOnlyFilesAreMode600AndLeaveNoTemporaryFile() throws Exception {
        Path file = dir.resolve("secret");
        CrashSafeFile.writeOwnerOnly(file, "one".getBytes(StandardCharsets.UTF_8));
        CrashSafeFile.writeOwnerOnly(file, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void refusesASecretOthersCanRead() throws Exception {
        Path file = Files.writeString(dir.resolve("loose"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(java.io.IOException.class, () -> CrashSafeFile.requireOwnerOnly(file));
    }
}
