package dev.streamkit.nodes.core;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code core::telemetry_out}: any input, no outputs, packets become telemetry events. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + TelemetryOutFactory.KIND)
public final class TelemetryOutFactory implements NodeFactory {

    static final String KIND = "core::telemetry_out";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Consumes packets and emits telemetry events to the session bus (WebSocket). "
                    + "This is a terminal node intended for best-effort side branches.")
            .params(TelemetrySettings.schema(false))
            .input(InputPin.one("in", PacketType.ANY))
            .categories("core", "observability")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new TelemetryOutNode(new TelemetryObserver(TelemetrySettings.of(params, false), System::nanoTime));
    }
}
