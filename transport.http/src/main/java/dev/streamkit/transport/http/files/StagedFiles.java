package dev.streamkit.transport.http.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files written under a temporary name ({@code <prefix><random><suffix>}) in their target folder, then moved
 * into place, so that readers never see half a file. A write that is killed midway ({@code kill -9}, power
 * loss) leaves its temporary file behind; {@link #removeLeftovers} deletes such files when their store
 * starts, and nothing else: only regular files whose names have this prefix and suffix.
 */
public final class StagedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StagedFiles.class);

    private final String prefix;
    private final String suffix;

    /** @param prefix starts every temporary name, e.g. {@code .upload-}; {@code suffix} ends it, e.g. {@code .part} */
    public StagedFiles(String prefix, String suffix) {
        if (prefix.isEmpty() || suffix.isEmpty()) throw new IllegalArgumentException("prefix and suffix must not be empty");
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** Creates an empty temporary file in {@code folder}, which must exist. */
    public Path create(Path folder) throws IOException {
        return Files.createTempFile(folder, prefix, suffix);
    }

    /**
     * Deletes the temporary files left in {@code folder} by writes that never finished (call before any
     * write starts); returns how many. A missing folder has none. Failures are logged, not thrown: a
     * leftover that cannot be deleted must not stop the server.
     */
    public int removeLeftovers(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, this::isLeftover)) {
            for (Path leftover : entries) {
                Files.delete(leftover);
                removed++;
            }
        } catch (IOException e) {
            LOG.warn("Could not remove unfinished writes {}*{} in {}: {}", prefix, suffix, folder, e.toString());
        }
        if (removed > 0) LOG.info("Removed {} unfinished write(s) {}*{} from {}", removed, prefix, suffix, folder);
        return removed;
    }

    private boolean isLeftover(Path entry) {
        String name = entry.getFileName().toString();
        return name.length() > prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix)
                && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
    }
}
