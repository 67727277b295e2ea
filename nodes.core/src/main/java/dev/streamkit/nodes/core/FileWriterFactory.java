package dev.streamkit.nodes.core;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code core::file_writer}. The {@code path} goes through the engine's write policy
 * ({@code security.allowed_write_paths}, empty = deny) when the node is created, so a disallowed path
 * fails the pipeline before anything runs and without touching the file system. The approved path's
 * parent is pinned to its real path here; the node re-checks it when it opens the file.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + FileWriterFactory.KIND)
public final class FileWriterFactory implements NodeFactory {

    static final String KIND = "core::file_writer";
    static final int DEFAULT_CHUNK_SIZE = 8192;
    static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Writes incoming binary packets to a file, creating or truncating it. "
                    + "The path must be allowed by security.allowed_write_paths.")
            .params(ParamSchema.builder()
                    .required("path", ParamSpec.string().describe("Path to the file to write"))
                    .param("chunk_size", ParamSpec.integer().range(1, MAX_CHUNK_SIZE)
                            .defaultValue(DEFAULT_CHUNK_SIZE).unit("bytes")
                            .describe("Bytes buffered before writing to disk"))
                    .build())
            .input(InputPin.one("in", PacketType.BINARY))
            .categories("core", "io")
            .writePathParam("path")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        String path = params.getString("path", null);
        if (path == null) throw NodeException.invalidParam("path", "path is required");
        Path allowed = context.resolveWritablePath("path", path);
        return new FileWriterNode(withRealParent(allowed, path), params.getInt("chunk_size", DEFAULT_CHUNK_SIZE));
    }

    private static Path withRealParent(Path allowed, String raw) throws NodeException {
        Path absolute = allowed.toAbsolutePath();
        if (absolute.getParent() == null) throw NodeException.invalidParam("path", "not a file path: " + raw);
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw NodeException.invalidParam("path", "parent directory does not exist: " + raw);
        }
    }
}
