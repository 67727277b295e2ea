package dev.streamkit.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleCacheTest {

    @TempDir
    Path data;

    @Test
    void reusesOnlyACacheStampedForTheSameFolders() throws Exception {
        RuntimeLayout here = new RuntimeLayout(Path.of("/srv/skit/bundles"), Path.of("/srv/skit/deploy"), data);
        RuntimeLayout copied = new RuntimeLayout(Path.of("/srv/skit/bundles"), Path.of("/home/me/copy/deploy"), data);
        BundleCache cache = new BundleCache(data);
        assertNull(cache.staleReason(here), "no cache, nothing stale");
        Files.createDirectories(cache.folder().resolve("bundle1"));
        assertTrue(cache.staleReason(here).contains("no record"), "an unstamped cache is stale");
        cache.stamp(here);
        assertNull(cache.staleReason(here));
        assertTrue(cache.staleReason(copied).contains("/srv/skit/deploy"), cache.staleReason(copied));
        cache.unstamp();
        assertTrue(cache.staleReason(here) != null);
    }

    @Test
    void deletesTheCacheAndItsStampOnly() throws Exception {
        BundleCache cache = new BundleCache(data);
        Files.createDirectories(cache.folder().resolve("bundle1/version0.0"));
        Files.writeString(cache.folder().resolve("bundle1/version0.0/bundle.jar"), "jar");
        cache.stamp(new RuntimeLayout(Path.of("/b"), Path.of("/d"), data));
        Path other = Files.writeString(data.resolve("keep.txt"), "mine");
        cache.delete();
        assertFalse(Files.exists(cache.folder()));
        assertFalse(Files.exists(data.resolve(BundleCache.STAMP_NAME)));
        assertTrue(Files.exists(other));
    }
}
