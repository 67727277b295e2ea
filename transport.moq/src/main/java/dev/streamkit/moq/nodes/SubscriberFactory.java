package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.moq.osgi.ClientComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@code transport::moq::subscriber}: pulls a hang broadcast's Opus audio from a MoQ relay onto
 * {@code out} and onto a pin per advertised track (the family {@code *}{@code /*}).
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + SubscriberFactory.KIND)
public final class SubscriberFactory implements NodeFactory {

    static final String KIND = "transport::moq::subscriber";
    static final String BATCH = "batch_ms";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("MoQ client: connects to a relay URL (certificates not verified), reads the broadcast's catalog, "
                    + "and emits each audio rendition's Opus packets on a pin named after its track ('audio/data'), the "
                    + "first one's also on 'out'; reconnects every second.")
            .params(ClientParams.schema("Relay URL, e.g. http://127.0.0.1:4545/moq/output")
                    .param(BATCH, ParamSpec.integer().min(0).defaultValue(0).unit("ms")
                            .describe("StreamKit's read batching (accepted; every frame is emitted at once)"))
                    .build())
            .output(OutputPin.broadcast(TrackPins.OUT, PacketType.OPUS_AUDIO))
            .output(TrackPins.PRIMARY_FAMILY)
            .categories("transport", "moq", "dynamic")
            .build();

    @Reference
    private ClientComponent client;

    /** For DS. */
    public SubscriberFactory() {
    }

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        return new SubscriberNode(context.nodeId(), ClientParams.read(params), client.connector(), ReconnectLoop.SLEEP);
    }
}
