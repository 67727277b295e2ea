package dev.streamkit.nodes.core;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code core::json_serialize}: any input, {@code application/json} binary output. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + JsonSerializeFactory.KIND)
public final class JsonSerializeFactory implements NodeFactory {

    static final String KIND = "core::json_serialize";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Converts structured packets (Text, Transcription) to JSON-formatted text. "
                    + "Useful for logging, debugging, or sending data to external services.")
            .params(ParamSchema.builder()
                    .param("pretty", ParamSpec.bool().defaultValue(false)
                            .describe("Enable pretty-printing (formatted with indentation)"))
                    .param("newline_delimited", ParamSpec.bool().defaultValue(false)
                            .describe("Add newline after each JSON object (for NDJSON format)"))
                    .build())
            .input(InputPin.one("in", PacketType.ANY))
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("core", "serialization")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new JsonSerializeNode(params.getBoolean("pretty", false), params.getBoolean("newline_delimited", false));
    }
}
