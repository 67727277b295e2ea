package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.engine.PipelineException;
import java.util.Map;

/**
 * The file policy applied to the params a kind declares as paths ({@link NodeDefinition#readPathParams},
 * {@link NodeDefinition#writePathParams}). StreamKit checks them when a node is created (HTTP create,
 * oneshot, {@code addnode}, {@code validatebatch}/{@code applybatch}) and again when a tune
 * ({@code UpdateParams}) carries them; a refused path refuses the whole node or tune.
 */
final class PathParams {

    private PathParams() {
    }

    /** Checks each declared path param present in {@code params}; absent ones are the node's business. */
    static void check(FilePolicy files, String nodeId, NodeDefinition definition, Map<String, Object> params)
            throws PipelineException {
        if (params == null) return;
        try {
            for (String name : definition.readPathParams()) {
                if (params.get(name) instanceof String path) files.readable(nodeId, name, path);
            }
            for (String name : definition.writePathParams()) {
                if (params.get(name) instanceof String path) files.writable(nodeId, name, path);
            }
        } catch (NodeException e) {
            throw NodeFailures.describe(nodeId, definition.kind(), e);
        }
    }
}
