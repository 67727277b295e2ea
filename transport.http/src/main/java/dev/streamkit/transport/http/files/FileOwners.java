package dev.streamkit.transport.http.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The role that created each user file, kept beside it in {@code .<file name>.owner} (a hidden name that no
 * listing shows). A role may replace or delete a file it created; only a {@link FileCaller#mayChangeAll} caller
 * may change another role's file or one without a record (shipped, or written before owners were recorded).
 */
public final class FileOwners {

    private static final String SUFFIX = ".owner";

    private FileOwners() {
    }

    /** Records {@code caller} as the owner of {@code file} (nothing when it has no role name). */
    public static void record(Path file, FileCaller caller) throws IOException {
        if (caller.role() == null) return;
        Files.writeString(recordOf(file), caller.role(), StandardCharsets.UTF_8);
    }

    /** Whether {@code caller} may replace or delete {@code file}. */
    public static boolean mayChange(Path file, FileCaller caller) throws IOException {
        if (caller.mayChangeAll()) return true;
        try {
            return Files.readString(recordOf(file), StandardCharsets.UTF_8).equals(caller.role());
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** Removes the record of a deleted {@code file}. */
    public static void forget(Path file) throws IOException {
        Files.deleteIfExists(recordOf(file));
    }

    private static Path recordOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + SUFFIX);
    }
}
