package dev.streamkit.testkit;

import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link NodeContext} a factory creates a node with in a test. Reads are allowed for regular files
 * under one folder, writes under another, and nothing where no folder is given, in the spirit of the
 * server's file policy (without its symbolic-link checks). Immutable: the {@code with...} methods return
 * a changed copy.
 */
public final class TestNodeContext implements NodeContext {

    private final Path readRoot;
    private final Path writeRoot;
    private final String nodeId;
    private final String sessionId;
    private final Map<String, Object> inheritedState;

    /** A context reading under {@code readRoot} and writing under {@code writeRoot}; either may be null. */
    public TestNodeContext(Path readRoot, Path writeRoot) {
        this(readRoot, writeRoot, "test", null, Map.of());
    }

    private TestNodeContext(Path readRoot, Path writeRoot, String nodeId, String sessionId,
                            Map<String, Object> inheritedState) {
        this.readRoot = readRoot;
        this.writeRoot = writeRoot;
        this.nodeId = nodeId;
        this.sessionId = sessionId;
        this.inheritedState = Map.copyOf(inheritedState);
    }

    /** A context that allows no file access, for node {@code test} of a oneshot run. */
    public static TestNodeContext noFiles() {
        return new TestNodeContext(null, null);
    }

    /** This context for node {@code id}. */
    public TestNodeContext withNodeId(String id) {
        return new TestNodeContext(readRoot, writeRoot, id, sessionId, inheritedState);
    }

    /** This context inside dynamic session {@code id} (null: a oneshot run). */
    public TestNodeContext inSession(String id) {
        return new TestNodeContext(readRoot, writeRoot, nodeId, id, inheritedState);
    }

    /** This context for a node replacing one that handed over {@code state} ({@code Node.handOver()}). */
    public TestNodeContext withInheritedState(Map<String, Object> state) {
        return new TestNodeContext(readRoot, writeRoot, nodeId, sessionId, state);
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Map<String, Object> inheritedState() {
        return inheritedState;
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
