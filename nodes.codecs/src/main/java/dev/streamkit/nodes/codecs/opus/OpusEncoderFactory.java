package dev.streamkit.nodes.codecs.opus;

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
import org.osgi.service.component.annotations.Component;

/** Publishes {@code audio::opus::encoder}: 48 kHz mono or stereo raw audio to 20 ms Opus packets (libopus). */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + OpusEncoderFactory.KIND)
public final class OpusEncoderFactory implements NodeFactory {

    static final String KIND = "audio::opus::encoder";
    static final int DEFAULT_BITRATE = 64_000;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Encodes 48 kHz raw audio (mono or stereo, from the frames) into Opus packets of 20 ms with "
                    + "libopus: application audio, constrained VBR; the last frame is zero-padded.")
            .params(ParamSchema.builder()
                    .param("bitrate", ParamSpec.integer().range(6_000, 510_000).multipleOf(1_000)
                            .defaultValue(DEFAULT_BITRATE).unit("bit/s").describe("Target bitrate"))
                    .param("frame_size", ParamSpec.integer().oneOf(OpusFrameEncoder.FRAME_SAMPLES)
                            .defaultValue(OpusFrameEncoder.FRAME_SAMPLES).unit("frames")
                            .describe("Sample frames per channel in each packet; only 20 ms is produced (StreamKit's "
                                    + "samples set it)"))
                    .build())
            .input(InputPin.one("in", PacketType.rawAudio(OpusFrameEncoder.SAMPLE_RATE, 1)))
            .output(OutputPin.broadcast("out", PacketType.OPUS_AUDIO))
            .categories("audio", "codecs", "opus")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        OpusCodec codec = OpusCodecs.preferred();
        codec.load();
        return new OpusEncoderNode(codec, params.getInt("bitrate", DEFAULT_BITRATE));
    }
}
