package dev.streamkit.api.node;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the engine tells a node at creation: where it sits and which policies apply to it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NodeContext {

    /** The node's id in its pipeline. */
    String nodeId();

    /** The dynamic session id, or {@code null} for oneshot pipelines. */
    String sessionId();

    /**
     * Resolves a path a node wants to read, applying the server's read policy
     * ({@code security.allowed_file_paths}): the real path must be a regular file under an allowed root.
     *
     * @throws NodeException naming {@code field} when the path is not allowed or does not exist
     */
    Path resolveReadablePath(String field, String path) throws NodeException;

    /**
     * Resolves a path a node wants to write ({@code security.allowed_write_paths}, empty = deny all).
     *
     * @throws NodeException naming {@code field} when writing there is not allowed
     */
    Path resolveWritablePath(String field, String path) throws NodeException;

    /**
     * The state handed over by the node this one replaces ({@link Node#handOver()}) when a plugin upgrade
     * moves a running node to a new bundle revision; empty for a new node. Since 1.2.
     */
    default Map<String, Object> inheritedState() {
        return Map.of();
    }
}
