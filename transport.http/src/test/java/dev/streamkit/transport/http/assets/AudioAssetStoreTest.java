package dev.streamkit.transport.http.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.transport.http.files.FileCaller;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioAssetStoreTest {

    @TempDir
    Path dir;
    private static final java.util.function.Predicate<String> ALL = path -> true;

    AudioAssetStore store;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("system"));
        Files.write(dir.resolve("system/tone.wav"), new byte[] {1, 2, 3});
        Files.writeString(dir.resolve("system/tone.wav.license"), "CC0\n");
        Files.writeString(dir.resolve("system/readme.txt"), "ignored");
        store = new AudioAssetStore(dir, "samples/audio");
    }

    @Test
    void startingRemovesUploadsThatWereKilledMidwayAndNothingElse() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.write(user.resolve(".upload-x.part"), new byte[] {9});
        Files.write(user.resolve("kept.wav"), new byte[] {1});
        Files.write(user.resolve(".upload-note.txt"), new byte[] {2});
        new AudioAssetStore(dir, "samples/audio");
        assertFalse(Files.exists(user.resolve(".upload-x.part")));
        assertTrue(Files.exists(user.resolve("kept.wav")));
        assertTrue(Files.exists(user.resolve(".upload-note.txt")));
        assertTrue(Files.exists(dir.resolve("system/tone.wav")));
        assertTrue(Files.exists(dir.resolve("system/tone.wav.license")));
    }

    @Test
    void listsSystemAssetsWithLicense() throws Exception {
        List<AudioAsset> assets = store.list(ALL);
        assertEquals(List.of(new AudioAsset("tone.wav", "tone", "samples/audio/system/tone.wav", "wav", 3, "CC0", true)), assets);
    }

    @Test
    void uploadsListsAndDeletesUserAssets() throws Exception {
        AudioAsset saved = store.save("C:\\music\\My Song.MP3", new ByteArrayInputStream(new byte[10]));
        assertEquals(new AudioAsset("My_Song.MP3", "My_Song", "samples/audio/user/My_Song.MP3", "mp3", 10, null, false), saved);
        assertEquals("MIT", store.withLicense(saved, " MIT ").license());
        assertEquals(2, store.list(ALL).size());
        assertEquals(409, assertThrows(AssetException.class,
                () -> store.save("My Song.MP3", new ByteArrayInputStream(new byte[1]))).status());
        store.delete("My_Song.MP3", ALL);
        assertFalse(Files.exists(dir.resolve("user/My_Song.MP3")));
        assertFalse(Files.exists(dir.resolve("user/My_Song.MP3.license")));
        assertEquals(404, assertThrows(AssetException.class, () -> store.delete("My_Song.MP3", ALL)).status());
        assertEquals(403, assertThrows(AssetException.class, () -> store.delete("tone.wav", ALL)).status());
        assertEquals(400, assertThrows(AssetException.class, () -> store.delete("../system/tone.wav", ALL)).status());
        assertTrue(Files.exists(dir.resolve("system/tone.wav")));
    }

    @Test
    void allowlistHidesAssetsFromListsAndDeletes() throws Exception {
        store.save("mine.ogg", new ByteArrayInputStream(new byte[4]));
        java.util.function.Predicate<String> systemOnly = path -> path.startsWith("samples/audio/system/");
        assertEquals(List.of("tone.wav"), store.list(systemOnly).stream().map(AudioAsset::id).toList());
        assertEquals(404, assertThrows(AssetException.class, () -> store.delete("mine.ogg", systemOnly)).status());
        assertTrue(Files.exists(dir.resolve("user/mine.ogg")));
    }

    @Test
    void aRoleDeletesOnlyTheAssetsItUploadedUnlessItMayChangeAll() throws Exception {
        FileCaller user = new FileCaller("user", false);
        store.save("admins.ogg", new ByteArrayInputStream(new byte[4]), new FileCaller("admin", true));
        store.save("users.ogg", new ByteArrayInputStream(new byte[4]), user);
        Files.write(dir.resolve("user/unrecorded.ogg"), new byte[4]);
        AssetException refused = assertThrows(AssetException.class, () -> store.delete("admins.ogg", ALL, user));
        assertEquals(403, refused.status());
        assertEquals(AudioAssetStore.NOT_OWNER, refused.getMessage());
        assertEquals(403, assertThrows(AssetException.class, () -> store.delete("unrecorded.ogg", ALL, user)).status());
        store.delete("users.ogg", ALL, user);
        assertFalse(Files.exists(dir.resolve("user/users.ogg")));
        assertEquals(List.of("admins.ogg", "unrecorded.ogg"),
                store.list(ALL).stream().map(AudioAsset::id).filter(id -> !id.equals("tone.wav")).toList(), "owner records are not listed");
        store.delete("admins.ogg", ALL, new FileCaller("admin", true));
        assertEquals(List.of("unrecorded.ogg"), Files.list(dir.resolve("user")).map(p -> p.getFileName().toString()).toList(),
                "a deleted asset's owner record goes with it");
    }

    @Test
    void sanitizesFileNames() throws Exception {
        assertEquals("evil.ogg", AudioAssetStore.sanitizeFileName("../../evil.ogg"));
        assertEquals("a_b.flac", AudioAssetStore.sanitizeFileName("a b.flac"));
        for (String bad : List.of("", "song.exe", "song", ".wav", "..wav", "x/")) {
            assertEquals(400, assertThrows(AssetException.class, () -> AudioAssetStore.sanitizeFileName(bad), bad).status());
        }
    }
}
