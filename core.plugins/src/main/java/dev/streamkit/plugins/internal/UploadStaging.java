package dev.streamkit.plugins.internal;

import dev.streamkit.plugins.PluginRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder where uploads are written before they are checked and moved into {@code deploy/}: outside the
 * watched folder (FileInstall must never see half a jar) and on the same file system, so that the move is
 * one atomic rename. Files are named {@code .upload-*.part}; those a killed process left are deleted when
 * the staging starts.
 */
public final class UploadStaging {

    private static final Logger LOG = LoggerFactory.getLogger(UploadStaging.class);
    private static final String PREFIX = ".upload-";
    private static final String SUFFIX = ".part";

    private final Path folder;

    public UploadStaging(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        removeLeftovers();
    }

    /**
     * Writes {@code content} to a new staging file, synced to disk.
     *
     * @throws PluginRefusal ({@link PluginRefusal.Cause#BAD_REQUEST}) past {@code maxBytes}; the file is deleted
     */
    public Path write(InputStream content, long maxBytes) throws IOException, PluginRefusal {
        Path file = Files.createTempFile(folder, PREFIX, SUFFIX);
        boolean kept = false;
        try {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                    total += n;
                    if (total > maxBytes) {
                        throw PluginRefusal.tooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
                out.flush();
                channel.force(true);
            }
            kept = true;
            return file;
        } finally {
            if (!kept) Files.deleteIfExists(file);
        }
    }

    private void removeLeftovers() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.info("Removed an unfinished plugin upload: {}", leftover);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove unfinished plugin uploads in {}: {}", folder, e.toString());
        }
    }
}
