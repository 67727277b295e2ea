package dev.streamkit.plugins.osgi;

import dev.streamkit.plugins.StagedPlugin;
import dev.streamkit.plugins.internal.BundleIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A checked upload in the staging folder; deleted on close unless it was moved into {@code deploy/}. */
final class StagedUpload implements StagedPlugin {

    final Path file;
    final BundleIdentity identity;
    private final String fileName;
    private volatile boolean moved;

    StagedUpload(Path file, String fileName, BundleIdentity identity) {
        this.file = file;
        this.fileName = fileName;
        this.identity = identity;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String symbolicName() {
        return identity.symbolicName();
    }

    @Override
    public String version() {
        return identity.version().toString();
    }

    /** Marks the file as moved into {@code deploy/}: closing no longer deletes anything. */
    void moved() {
        moved = true;
    }

    @Override
    public void close() {
        if (moved) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
