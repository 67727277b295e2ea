package dev.streamkit.nodes.core;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code core::sink}: any input, no outputs, no parameters. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + SinkFactory.KIND)
public final class SinkFactory implements NodeFactory {

    static final String KIND = "core::sink";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Accepts packets and discards them. Useful for terminating side-branches "
                    + "(e.g., telemetry taps) without affecting the main pipeline.")
            .input(InputPin.one("in", PacketType.ANY))
            .categories("core", "utility")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new SinkNode();
    }
}
