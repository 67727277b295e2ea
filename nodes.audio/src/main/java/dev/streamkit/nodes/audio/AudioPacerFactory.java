package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.nodes.core.pacing.PacerSpeed;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code audio::pacer}: real-time release of raw audio that fills input gaps with silence.
 * {@code initial_sample_rate} and {@code initial_channels} must be given together.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + AudioPacerFactory.KIND)
public final class AudioPacerFactory implements NodeFactory {

    static final String KIND = "audio::pacer";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Releases audio frames in real time and fills input gaps with silence, "
                    + "keeping real-time outputs (MoQ) continuous.")
            .params(ParamSchema.builder()
                    .param(PacerSpeed.PARAM, ParamSpec.number().min(PacerSpeed.MIN)
                            .defaultValue(PacerSpeed.DEFAULT).tunable()
                            .describe("Playback speed multiplier (1.0 = real time, 2.0 = twice as fast)"))
                    .param(AudioPacerNode.BUFFER_SIZE, ParamSpec.integer().min(1)
                            .defaultValue(AudioPacerNode.DEFAULT_BUFFER_SIZE).unit("frames")
                            .describe("Frames buffered ahead of the pacer (the engine's mailbox buffers them for now)"))
                    .param(AudioPacerNode.GENERATE_SILENCE, ParamSpec.bool().defaultValue(true)
                            .describe("Fill gaps in the input with silence frames of the last format seen"))
                    .param(AudioPacerNode.INITIAL_SAMPLE_RATE, ParamSpec.integer().min(1).nullable().unit("Hz")
                            .describe("Format of the silence emitted before the first frame (with initial_channels)"))
                    .param(AudioPacerNode.INITIAL_CHANNELS, ParamSpec.integer().range(1, 255).nullable()
                            .describe("Channels of the silence emitted before the first frame (with initial_sample_rate)"))
                    .build())
            .input(InputPin.one("in", PacketType.RAW_AUDIO_ANY))
            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH))
            .categories("audio", "timing")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        boolean rate = params.has(AudioPacerNode.INITIAL_SAMPLE_RATE);
        boolean channels = params.has(AudioPacerNode.INITIAL_CHANNELS);
        if (rate != channels) {
            String missing = rate ? AudioPacerNode.INITIAL_CHANNELS : AudioPacerNode.INITIAL_SAMPLE_RATE;
            throw NodeException.invalidParam(missing, "initial_sample_rate and initial_channels must be set together");
        }
        return new AudioPacerNode(params, System.nanoTime());
    }
}
