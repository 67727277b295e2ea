package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.moq.osgi.GatewayComponent;
import dev.streamkit.moq.session.LocalBroadcast;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@code transport::moq::peer}: the server end of StreamKit's MoQ gateway for one session. Its
 * output pins carry what the publisher sends ({@code out}, v0.1's name, and {@code audio/data}, the track's);
 * its input {@code in} goes to every watcher. Dynamic sessions only: it registers gateway routes.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + PeerFactory.KIND)
public final class PeerFactory implements NodeFactory {

    static final String KIND = "transport::moq::peer";
    /** The output pins, both carrying the primary input broadcast's audio. */
    static final String OUT = "out";
    static final String AUDIO_TRACK_PIN = HangAudio.AUDIO_TRACK;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Bidirectional MoQ endpoint behind the built-in gateway: a WebTransport client publishes the "
                    + "input broadcast (Opus out of 'out' and 'audio/data'), and 'in' is served to every subscriber as "
                    + "the output broadcast. Routes: {gateway_path}, {gateway_path}/input, {gateway_path}/output.")
            .params(PeerParams.schema())
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast(OUT, PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast(AUDIO_TRACK_PIN, PacketType.OPUS_AUDIO))
            .categories("transport", "moq", "bidirectional", "dynamic")
            .bidirectional()
            .build();

    @Reference
    private GatewayComponent gateway;

    /** For DS. */
    public PeerFactory() {
    }

    PeerFactory(GatewayComponent gateway) {
        this.gateway = gateway;
    }

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        if (context.sessionId() == null) {
            throw NodeException.runtime(KIND + " needs a session to register its gateway routes (dynamic pipelines only)", null);
        }
        return PeerNode.open(context.nodeId(), PeerParams.read(params), gateway.gateway(), gateway.maxSubscribers(),
                LocalBroadcast::new);
    }
}
