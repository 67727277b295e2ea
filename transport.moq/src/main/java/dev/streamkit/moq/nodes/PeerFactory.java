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
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@code transport::moq::peer}: the server end of StreamKit's MoQ gateway for one session. Its
 * output pins carry what the publisher sends ({@code out}, v0.1's name, and one pin per audio track, such as
 * {@code audio/data}); each further entry of {@code input_broadcasts} adds the family {@code {broadcast}/*}{@code /*}
 * ({@link TrackPins}). Its input {@code in} goes to every watcher. Dynamic sessions only: it registers gateway
 * routes.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + PeerFactory.KIND)
public final class PeerFactory implements NodeFactory {

    static final String KIND = "transport::moq::peer";
    /** StreamKit's track pin, carrying the primary input broadcast's {@code audio/data} (a member of the family). */
    static final String AUDIO_TRACK_PIN = HangAudio.AUDIO_TRACK;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Bidirectional MoQ endpoint behind the built-in gateway: a WebTransport client publishes the "
                    + "input broadcast (Opus out of 'out' and a pin per audio track, e.g. 'audio/data'; a further input "
                    + "broadcast's tracks on '{broadcast}/{track}'), and 'in' is served to every subscriber as the output "
                    + "broadcast. Routes: {gateway_path}, {gateway_path}/input, {gateway_path}/output.")
            .params(PeerParams.schema())
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast(TrackPins.OUT, PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast(AUDIO_TRACK_PIN, PacketType.OPUS_AUDIO))
            .output(TrackPins.PRIMARY_FAMILY)
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

    /** The definition's pins, plus a family {@code {broadcast}/*}{@code /*} per further input broadcast. */
    @Override
    public List<OutputPin> outputs(Params params) {
        List<OutputPin> pins = new ArrayList<>(DEFINITION.outputs());
        try {
            List<String> inputs = PeerParams.read(params).inputBroadcasts();
            for (String further : inputs.subList(1, inputs.size())) pins.add(TrackPins.familyOf(further));
        } catch (NodeException invalid) {
            // create() refuses these params with this message
        }
        return pins;
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
