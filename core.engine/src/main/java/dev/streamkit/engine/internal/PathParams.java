package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.engine.PipelineException;
import java.util.Map;

/**
 * StreamKit re-checks file paths carried by a tune ({@code UpdateParams}) the way it checks them on
 * creation: {@code path} of a file reader and {@code script_path} against the read policy, {@code path}
 * of a file writer against the write policy. A refused path refuses the whole tune.
 */
final class TunedPaths {

    private TunedPaths() {
    }

    static void check(FilePolicy files, String nodeId, String kind, Map<String, Object> params) throws PipelineException {
        try {
            if (params.get("path") instanceof String path) {
                if (kind.equals("core::file_reader")) files.readable(nodeId, "path", path);
                if (kind.equals("core::file_writer")) files.writable(nodeId, "path", path);
            }
            if (params.get("script_path") instanceof String scriptPath) files.readable(nodeId, "script_path", scriptPath);
        } catch (NodeException e) {
            throw NodeFailures.describe(nodeId, kind, e);
        }
    }
}
