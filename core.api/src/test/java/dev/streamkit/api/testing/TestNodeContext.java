package dev.streamkit.api.testing;

import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test double for {@link NodeContext}: allows reading regular files under one root and writing nowhere
 * unless a write root is given.
 */
public final class TestNodeContext implements NodeContext {

    private final Path readRoot;
    private final Path writeRoot;

    public TestNodeContext(Path readRoot, Path writeRoot) {
        this.readRoot = readRoot;
        this.writeRoot = writeRoot;
    }

    /** A context that allows no file access. */
    public static TestNodeContext noFiles() {
        return new TestNodeContext(null, null);
    }

    @Override
    public String nodeId() {
        return "test";
    }

    @Override
    public String sessionId() {
        return null;
    }

    @Override
    public Path resolveReadablePath(String field, String path) throws NodeException {
        if (readRoot == null) throw NodeException.invalidParam(field, "file reads are not allowed here");
        Path resolved = readRoot.resolve(path).normalize();
        if (!resolved.startsWith(readRoot) || !Files.isRegularFile(resolved)) {
            throw NodeException.invalidParam(field, "path not allowed or not a file: " + path);
        }
        return resolved;
    }

    @Override
    public Path resolveWritablePath(String field, String path) throws NodeException {
        if (writeRoot == null) throw NodeException.invalidParam(field, "file writes are not allowed here");
        Path resolved = writeRoot.resolve(path).normalize();
        if (!resolved.startsWith(writeRoot)) throw NodeException.invalidParam(field, "path not allowed: " + path);
        return resolved;
    }
}
