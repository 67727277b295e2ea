package dev.streamkit.nodes.core;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code core::passthrough}: any input, output of the same type, no parameters. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + PassthroughFactory.KIND)
public final class PassthroughFactory implements NodeFactory {

    static final String KIND = "core::passthrough";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Forwards packets unchanged. Useful for pipeline debugging, branching, "
                    + "or as a placeholder during development.")
            .input(InputPin.one("in", PacketType.ANY))
            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH))
            .categories("core", "utility")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new PassthroughNode();
    }
}
