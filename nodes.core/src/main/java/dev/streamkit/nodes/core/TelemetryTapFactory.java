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

/** Publishes {@code core::telemetry_tap}: passthrough that also emits telemetry events, audio levels included. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + TelemetryTapFactory.KIND)
public final class TelemetryTapFactory implements NodeFactory {

    static final String KIND = "core::telemetry_tap";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Forwards packets unchanged and emits telemetry events for them to the session bus "
                    + "(WebSocket), including periodic audio levels.")
            .params(TelemetrySettings.schema(true))
            .input(InputPin.one("in", PacketType.ANY))
            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH))
            .categories("core", "observability")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new TelemetryTapNode(new TelemetryObserver(TelemetrySettings.of(params, true), System::nanoTime));
    }
}
