package dev.streamkit.transport.http.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFilesTest {

    private final StagedFiles uploads = new StagedFiles(".upload-", ".part");

    @TempDir
    Path folder;

    @Test
    void createsTemporaryFilesThatCountAsLeftoversUntilMoved() throws Exception {
        Path temp = uploads.create(folder);
        assertTrue(temp.getFileName().toString().startsWith(".upload-"));
        Files.move(temp, folder.resolve("done.wav"));
        Path killed = uploads.create(folder);
        assertEquals(1, uploads.removeLeftovers(folder));
        assertFalse(Files.exists(killed));
        assertTrue(Files.exists(folder.resolve("done.wav")));
    }

    @Test
    void removesOnlyRegularFilesWithThePrefixAndSuffix() throws Exception {
        Files.writeString(folder.resolve(".upload-x.part"), "half");
        Files.writeString(folder.resolve(".upload-123456.part"), "half");
        String[] kept = {"song.wav", "song.wav.license", ".upload-x.partial", "x.upload-1.part", "notes.part", ".upload-.part"};
        for (String name : kept) Files.writeString(folder.resolve(name), "keep");
        Files.createDirectory(folder.resolve(".upload-dir.part"));
        Path outside = Files.writeString(folder.resolveSibling(folder.getFileName() + "-target.wav"), "keep");
        Files.createSymbolicLink(folder.resolve(".upload-link.part"), outside);

        assertEquals(2, uploads.removeLeftovers(folder));

        assertFalse(Files.exists(folder.resolve(".upload-x.part")));
        assertFalse(Files.exists(folder.resolve(".upload-123456.part")));
        for (String name : kept) assertEquals("keep", Files.readString(folder.resolve(name)), name);
        assertTrue(Files.isDirectory(folder.resolve(".upload-dir.part")));
        assertTrue(Files.isSymbolicLink(folder.resolve(".upload-link.part")));
        assertEquals("keep", Files.readString(outside));
        Files.delete(outside);
    }

    @Test
    void aMissingFolderHasNoLeftovers() {
        assertEquals(0, uploads.removeLeftovers(folder.resolve("absent")));
    }
}
