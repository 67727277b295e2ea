package dev.streamkit.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.plugins.PluginRefusal;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStagingTest {

    @TempDir
    Path dir;

    @Test
    void writesWithinTheCapAndRefusesBeyondItLeavingNothing() throws Exception {
        UploadStaging staging = new UploadStaging(dir.resolve("staging"));
        byte[] content = new byte[1000];
        Path written = staging.write(new ByteArrayInputStream(content), 1000);
        assertArrayEquals(content, Files.readAllBytes(written));
        Files.delete(written);
        PluginRefusal refusal = assertThrows(PluginRefusal.class, () -> staging.write(new ByteArrayInputStream(new byte[1001]), 1000));
        assertEquals("Plugin upload exceeds configured max body size (1000 bytes)", refusal.getMessage());
        assertEquals(0, count(dir.resolve("staging")));
    }

    @Test
    void removesWhatAKilledUploadLeft() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("staging"));
        Path leftover = Files.writeString(folder.resolve(".upload-123.part"), "half");
        Path unrelated = Files.writeString(folder.resolve("keep.txt"), "mine");
        new UploadStaging(folder);
        assertFalse(Files.exists(leftover));
        assertEquals("mine", Files.readString(unrelated));
    }

    private static long count(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
