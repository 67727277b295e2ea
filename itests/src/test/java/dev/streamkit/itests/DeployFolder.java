package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

/**
 * A running server's {@code deploy/} folder, changed the way FileInstall can follow: a file appears or
 * is replaced in one atomic move (staged outside the folder, so the scanner never sees half a jar), and a
 * replacement always has a later modification time than the file it replaces (FileInstall compares name,
 * modification time and length).
 */
final class DeployFolder {

    private final Path folder;
    private final Path staging;

    DeployFolder(SkitServer server) {
        this.folder = server.workDir.resolve("deploy");
        this.staging = server.workDir;
    }

    /** Moves a copy of {@code jar} in as {@code fileName}; returns the wall-clock time of the move (epoch ms). */
    long put(Path jar, String fileName) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(fileName);
        Path staged = staging.resolve(fileName + ".staged");
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        if (Files.exists(target)) {
            long previous = Files.getLastModifiedTime(target).toMillis();
            if (Files.getLastModifiedTime(staged).toMillis() <= previous) {
                Files.setLastModifiedTime(staged, FileTime.fromMillis(previous + 1_000));
            }
        }
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return System.currentTimeMillis();
    }

    /** Deletes {@code fileName} from the folder; returns the wall-clock time of the deletion (epoch ms). */
    long remove(String fileName) throws IOException {
        Files.delete(folder.resolve(fileName));
        return System.currentTimeMillis();
    }
}
