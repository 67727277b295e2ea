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
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code audio::resampler}: band-limited sample-rate conversion to {@code target_sample_rate},
 * whose output pin is typed with that rate.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + ResamplerFactory.KIND)
public final class ResamplerFactory implements NodeFactory {

    static final String KIND = "audio::resampler";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Converts raw audio to a target sample rate (windowed-sinc) and re-chunks it into fixed-size frames.")
            .params(ParamSchema.builder()
                    .param(ResamplerNode.TARGET_SAMPLE_RATE, ParamSpec.integer().min(1)
                            .defaultValue(ResamplerNode.DEFAULT_TARGET_SAMPLE_RATE).unit("Hz")
                            .describe("Sample rate of the output"))
                    .param(ResamplerNode.CHUNK_FRAMES, ParamSpec.integer().min(1)
                            .defaultValue(ResamplerNode.DEFAULT_CHUNK_FRAMES).unit("frames")
                            .describe("Input processing block, in sample frames per channel; bounds working memory, "
                                    + "does not change the output"))
                    .param(ResamplerNode.OUTPUT_FRAME_SIZE, ParamSpec.integer().min(0)
                            .defaultValue(ResamplerNode.DEFAULT_OUTPUT_FRAME_SIZE).unit("frames")
                            .describe("Sample frames per channel in each output frame (the last may be shorter); "
                                    + "0 emits whatever each input produces"))
                    .param("channels", ParamSpec.integer().min(1).nullable()
                            .describe("Ignored, as in StreamKit (whose samples set it): the output keeps the input's "
                                    + "channel count"))
                    .build())
            .input(InputPin.one("in", PacketType.RAW_AUDIO_ANY))
            .output(outputPin(ResamplerNode.DEFAULT_TARGET_SAMPLE_RATE))
            .categories("audio", "filters")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<OutputPin> outputs(Params params) {
        return List.of(outputPin(targetRate(params)));
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new ResamplerNode(targetRate(params),
                Math.max(1, params.getInt(ResamplerNode.CHUNK_FRAMES, ResamplerNode.DEFAULT_CHUNK_FRAMES)),
                Math.max(0, params.getInt(ResamplerNode.OUTPUT_FRAME_SIZE, ResamplerNode.DEFAULT_OUTPUT_FRAME_SIZE)));
    }

    private static int targetRate(Params params) {
        return Math.max(1, params.getInt(ResamplerNode.TARGET_SAMPLE_RATE, ResamplerNode.DEFAULT_TARGET_SAMPLE_RATE));
    }

    private static OutputPin outputPin(int sampleRate) {
        return OutputPin.broadcast("out", PacketType.rawAudio(sampleRate, 0));
    }
}
