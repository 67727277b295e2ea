package dev.streamkit.security.jwt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a state file so that a crash leaves either the old or the new content, never a mix: the bytes go
 * to a temporary file in the same directory, which is flushed to disk and then atomically renamed over the
 * target; the directory is flushed too where the platform allows. Owner-only files are created with mode
 * 600 from the start, so the secret is never readable by others, not even for a moment.
 */
public final class CrashSafeFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    private static final String TEMP_SUFFIX = ".tmp";

    private CrashSafeFile() {
    }

    /** Replaces {@code target} with {@code content}, readable by its owner only (mode 600). */
    public static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        write(target, content, OWNER_ONLY);
    }

    /** Replaces {@code target} with {@code content}, readable by anyone (mode 644; public keys). */
    public static void writePublic(Path target, byte[] content) throws IOException {
        write(target, content, PUBLIC);
    }

    /** Whether {@code name} is one of this class's temporary files (a crash may leave one behind). */
    static boolean isTemporary(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    /** Creates {@code dir} (and parents) when missing; a directory it creates is owner-only. */
    static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        if (posix()) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Throws unless {@code file} is readable by its owner only; a secret others can read is not trusted.
     * On file systems without POSIX permissions nothing is checked.
     */
    static void requireOwnerOnly(Path file) throws IOException {
        if (!posix()) return;
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(actual)) {
            throw new IOException("Insecure permissions " + PosixFilePermissions.toString(actual) + " on " + file
                    + ": expected rw------- (chmod 600)");
        }
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = posix()
                ? Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX,
                        PosixFilePermissions.asFileAttribute(permissions))
                : Files.createTempFile(dir, "." + target.getFileName(), TEMP_SUFFIX, new FileAttribute<?>[0]);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot replace " + target + " atomically: " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some platforms cannot open a directory for syncing; the rename itself is still atomic.
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
