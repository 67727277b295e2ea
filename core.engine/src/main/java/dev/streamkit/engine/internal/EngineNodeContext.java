package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import java.nio.file.Path;

/** The {@link NodeContext} the engine hands to a node it creates. */
public record EngineNodeContext(String nodeId, String sessionId, FilePolicy files) implements NodeContext {

    @Override
    public Path resolveReadablePath(String field, String path) throws NodeException {
        return files.readable(nodeId, field, path);
    }

    @Override
    public Path resolveWritablePath(String field, String path) throws NodeException {
        return files.writable(nodeId, field, path);
    }
}
