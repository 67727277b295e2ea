package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import java.nio.file.Path;
import java.util.Map;

/** The {@link NodeContext} the engine hands to a node it creates (with the state of the node it replaces, if any). */
public record EngineNodeContext(String nodeId, String sessionId, FilePolicy files, Map<String, Object> inheritedState)
        implements NodeContext {

    /** A context for a new node: nothing inherited. */
    public EngineNodeContext(String nodeId, String sessionId, FilePolicy files) {
        this(nodeId, sessionId, files, Map.of());
    }

    @Override
    public Path resolveReadablePath(String field, String path) throws NodeException {
        return files.readable(nodeId, field, path);
    }

    @Override
    public Path resolveWritablePath(String field, String path) throws NodeException {
        return files.writable(nodeId, field, path);
    }
}
