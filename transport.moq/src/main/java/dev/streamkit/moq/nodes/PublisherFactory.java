package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.moq.osgi.ClientComponent;
import dev.streamkit.moq.session.LocalBroadcast;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Publishes {@code transport::moq::publisher}: pushes Opus from {@code in} to a MoQ relay as a hang broadcast. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + PublisherFactory.KIND)
public final class PublisherFactory implements NodeFactory {

    static final String KIND = "transport::moq::publisher";
    static final String CHANNELS = "channels";
    static final String GROUP_DURATION = "group_duration_ms";
    static final String INITIAL_DELAY = "initial_delay_ms";
    static final int DEFAULT_CHANNELS = 2;
    /** StreamKit's publisher catalog bitrate. */
    static final int CATALOG_BITRATE = 128_000;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("MoQ client: connects to a relay URL (certificates not verified) and publishes 'in' as a hang "
                    + "broadcast (catalog + track audio/data), reconnecting every second when the connection drops.")
            .params(ClientParams.schema("Relay URL, e.g. http://127.0.0.1:4545/moq/input")
                    .param(CHANNELS, ParamSpec.integer().range(1, 2).defaultValue(DEFAULT_CHANNELS)
                            .describe("Channel count announced in the catalog"))
                    .param(GROUP_DURATION, ParamSpec.integer().min(1).defaultValue(PeerParams.DEFAULT_GROUP_MS).unit("ms")
                            .describe("Duration of each MoQ group"))
                    .param(INITIAL_DELAY, ParamSpec.integer().min(0).defaultValue(0).unit("ms")
                            .describe("Timestamp offset (playout delay)"))
                    .build())
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .categories("transport", "moq", "dynamic")
            .build();

    @Reference
    private ClientComponent client;

    /** For DS. */
    public PublisherFactory() {
    }

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        ClientParams target = ClientParams.read(params);
        OutputTimeline timeline = new OutputTimeline(params.getLong(INITIAL_DELAY, 0),
                params.getLong(GROUP_DURATION, PeerParams.DEFAULT_GROUP_MS));
        AudioOutput output = new AudioOutput(new LocalBroadcast(target.broadcast()),
                params.getInt(CHANNELS, DEFAULT_CHANNELS), CATALOG_BITRATE, timeline);
        return new PublisherNode(context.nodeId(), target, output, client.connector(), ReconnectLoop.SLEEP);
    }
}
