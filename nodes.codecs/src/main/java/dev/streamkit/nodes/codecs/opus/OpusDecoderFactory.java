package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code audio::opus::decoder}: Opus packets to 48 kHz mono raw audio, as in StreamKit. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + OpusDecoderFactory.KIND)
public final class OpusDecoderFactory implements NodeFactory {

    static final String KIND = "audio::opus::decoder";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Decodes Opus packets (libopus) into 48 kHz mono raw audio, one frame per packet with the "
                    + "packet's timing; header packets and invalid packets are skipped.")
            .params(ParamSchema.NONE)
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast("out", PacketType.rawAudio(OpusDecoderNode.SAMPLE_RATE, 1)))
            .categories("audio", "codecs", "opus")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        return new OpusDecoderNode(OpusCodecs.preferred());
    }
}
