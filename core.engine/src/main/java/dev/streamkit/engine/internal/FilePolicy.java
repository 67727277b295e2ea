package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * StreamKit's file security: reads must resolve (symlinks followed) to a regular file matching one of
 * {@code security.allowed_file_paths}; writes need {@code security.allowed_write_paths} (empty = deny),
 * no {@code ..} components, a real parent inside an allowed root, and never follow an existing symlink.
 * Globs: {@code **} allows all, {@code prefix/**} is a prefix match on real paths, anything else is a
 * glob on the absolute real path. Relative globs and paths are joined to the working directory.
 */
public final class FilePolicy {

    private static final int MAX_PATH_LENGTH = 4096;

    private final Path workDir;
    private final List<String> readGlobs;
    private final List<String> writeGlobs;

    public FilePolicy(Path workDir, List<String> readGlobs, List<String> writeGlobs) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.readGlobs = List.copyOf(readGlobs);
        this.writeGlobs = List.copyOf(writeGlobs);
    }

    /** Resolves a path to read for node {@code nodeId}, or throws naming the node and the reason. */
    public Path readable(String nodeId, String field, String raw) throws NodeException {
        String prefix = "Invalid file path in node '" + nodeId + "': ";
        Path candidate = parse(field, raw, prefix);
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new FilePathException(field, prefix + "file not found: " + raw);
        } catch (IOException e) {
            throw new FilePathException(field, prefix + "cannot resolve " + raw + ": " + e.getMessage());
        }
        if (!Files.isRegularFile(real)) throw new FilePathException(field, prefix + "not a regular file: " + raw);
        if (!allowed(real, readGlobs)) {
            throw new FilePathException(field, prefix + "path '" + raw + "' is not allowed by security.allowed_file_paths");
        }
        return real;
    }

    /** Resolves a path to write for node {@code nodeId}, or throws naming the node and the reason. */
    public Path writable(String nodeId, String field, String raw) throws NodeException {
        String prefix = "Invalid write path in node '" + nodeId + "': ";
        if (writeGlobs.isEmpty()) {
            throw new FilePathException(field, prefix
                    + "File writes are disabled by configuration (security.allowed_write_paths is empty)");
        }
        Path candidate = parse(field, raw, prefix);
        for (Path part : Path.of(raw)) {
            if (part.toString().equals("..")) throw new FilePathException(field, prefix + "'..' is not allowed: " + raw);
        }
        if (Files.isSymbolicLink(candidate)) throw new FilePathException(field, prefix + "refusing to follow a symlink: " + raw);
        Path parent = candidate.getParent();
        Path target;
        try {
            target = parent.toRealPath().resolve(candidate.getFileName());
        } catch (IOException e) {
            throw new FilePathException(field, prefix + "parent directory does not exist: " + raw);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FilePathException(field, prefix + "not a regular file: " + raw);
        }
        if (!allowed(target, writeGlobs)) {
            throw new FilePathException(field, prefix + "path '" + raw + "' is not allowed by security.allowed_write_paths");
        }
        return target;
    }

    private Path parse(String field, String raw, String prefix) throws NodeException {
        if (raw == null || raw.isEmpty()) throw new FilePathException(field, prefix + "path is empty");
        if (raw.indexOf('\0') >= 0) throw new FilePathException(field, prefix + "path contains a NUL byte");
        if (raw.length() > MAX_PATH_LENGTH) throw new FilePathException(field, prefix + "path is longer than " + MAX_PATH_LENGTH);
        try {
            return workDir.resolve(raw).normalize();
        } catch (InvalidPathException e) {
            throw new FilePathException(field, prefix + "invalid path: " + e.getReason());
        }
    }

    private boolean allowed(Path real, List<String> globs) {
        for (String glob : globs) {
            if (glob.equals("**")) return true;
            if (glob.endsWith("/**")) {
                Path root = realOrNormal(workDir.resolve(glob.substring(0, glob.length() - 3)));
                if (real.startsWith(root)) return true;
                continue;
            }
            String absolute = Path.of(glob).isAbsolute() ? glob : workDir.resolve(glob).toString();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
            if (matcher.matches(real)) return true;
        }
        return false;
    }

    private static Path realOrNormal(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
