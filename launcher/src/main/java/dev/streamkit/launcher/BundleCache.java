package dev.streamkit.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The framework's persistent bundle cache ({@code <data>/felix-cache}) and the layout it was built for, kept
 * beside it in {@value #STAMP_NAME}: the runtime bundle folder and the deploy folder, whose absolute paths
 * are the cached bundles' locations. A cache whose stamp names other folders was copied (or its checkout
 * moved): reusing it would keep bundles from the other folders and refuse to install ours as duplicates, so
 * it is rebuilt. A cache without a stamp was left by a run killed before the runtime bundles were in place (or
 * by an older version) and is rebuilt too. Rebuilding only costs a slower start: FileInstall reinstalls {@code deploy/}.
 */
final class BundleCache {

    static final String STAMP_NAME = "felix-cache.layout";

    private final Path folder;
    private final Path stamp;

    BundleCache(Path dataFolder) {
        this.folder = dataFolder.resolve("felix-cache");
        this.stamp = dataFolder.resolve(STAMP_NAME);
    }

    Path folder() {
        return folder;
    }

    /** Why the cache cannot be reused for {@code layout}, or {@code null} when it can (or there is none). */
    String staleReason(RuntimeLayout layout) {
        if (!Files.isDirectory(folder)) return null;
        if (!Files.isRegularFile(stamp)) return "it has no record of the folders it was built for (left by an interrupted start or an older version)";
        Properties recorded = new Properties();
        try (InputStream in = Files.newInputStream(stamp)) {
            recorded.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return "its layout record is unreadable (" + e.getMessage() + ")";
        }
        if (!layoutOf(layout).equals(recorded)) {
            return "it was built for bundles in " + recorded.getProperty("bundles") + " and deploy folder "
                    + recorded.getProperty("deploy") + " (copied from another folder?)";
        }
        return null;
    }

    /** Deletes the cache and its stamp. */
    void delete() throws IOException {
        Files.deleteIfExists(stamp);
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
    }

    /** Records that the cache now serves {@code layout} (written atomically). */
    void stamp(RuntimeLayout layout) throws IOException {
        Path temporary = stamp.resolveSibling(STAMP_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            layoutOf(layout).store(out, "the folders this bundle cache was built for");
        }
        Files.move(temporary, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Forgets the stamp: until {@link #stamp} again, the cache counts as unfinished. */
    void unstamp() throws IOException {
        Files.deleteIfExists(stamp);
    }

    private static Properties layoutOf(RuntimeLayout layout) {
        Properties properties = new Properties();
        properties.setProperty("bundles", layout.bundles().toString());
        properties.setProperty("deploy", layout.deploy().toString());
        return properties;
    }
}
