package dev.streamkit.nodes.audio;

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

/** Publishes {@code audio::gain}: a live-tunable linear gain on raw audio of any format. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + GainFactory.KIND)
public final class GainFactory implements NodeFactory {

    static final String KIND = "audio::gain";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Multiplies audio by a linear gain factor; changes ramp over one frame to avoid clicks.")
            .params(ParamSchema.builder()
                    .param(GainNode.GAIN, ParamSpec.number().range(GainNode.MIN_GAIN, GainNode.MAX_GAIN)
                            .defaultValue(GainNode.DEFAULT_GAIN).tunable()
                            .describe("Linear gain factor (1.0 = unchanged, 2.0 = +6 dB, 0 = silence)"))
                    .build())
            .input(InputPin.one("in", PacketType.RAW_AUDIO_ANY))
            .output(OutputPin.broadcast("out", PacketType.RAW_AUDIO_ANY))
            .categories("audio", "filters")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new GainNode(params);
    }
}
