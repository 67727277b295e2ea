package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code core::file_reader}. The {@code path} goes through the engine's read policy
 * ({@code security.allowed_file_paths}) when the node is created, so a disallowed path fails the pipeline
 * before anything runs.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + FileReaderFactory.KIND)
public final class FileReaderFactory implements NodeFactory {

    static final String KIND = "core::file_reader";
    static final int DEFAULT_CHUNK_SIZE = 8192;
    static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Reads binary data from a file and emits it as packets. "
                    + "Supports configurable chunk sizes for streaming large files.")
            .params(ParamSchema.builder()
                    .required("path", ParamSpec.string().describe("Path to the file to read"))
                    .param("chunk_size", ParamSpec.integer().range(1, MAX_CHUNK_SIZE)
                            .defaultValue(DEFAULT_CHUNK_SIZE).unit("bytes").describe("Size of chunks to read"))
                    .build())
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("core", "io")
            .readPathParam("path")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        String path = params.getString("path", null);
        if (path == null) throw NodeException.invalidParam("path", "path is required");
        Path file = context.resolveReadablePath("path", path);
        return new FileReaderNode(file, params.getInt("chunk_size", DEFAULT_CHUNK_SIZE),
                FileReaderNode.resumeOffset(file, context.inheritedState()));
    }
}
