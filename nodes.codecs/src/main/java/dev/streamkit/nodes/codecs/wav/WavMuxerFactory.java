package dev.streamkit.nodes.codecs.wav;

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

/** Publishes {@code containers::wav::muxer}: raw audio to a streamed {@code audio/wav} byte stream. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + WavMuxerFactory.KIND)
public final class WavMuxerFactory implements NodeFactory {

    static final String KIND = "containers::wav::muxer";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Writes raw audio as a streamed WAV file (16-bit PCM or 32-bit float), length left open.")
            .params(ParamSchema.builder()
                    .param(WavMuxerNode.BITS_PER_SAMPLE, ParamSpec.integer().oneOf(16, 32).defaultValue(16).unit("bits")
                            .describe("Sample format: 16 = PCM int16 (rounded, clipped), 32 = IEEE float"))
                    .build())
            .input(InputPin.one("in", PacketType.RAW_AUDIO_ANY))
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("containers", "wav")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        int bits = params.getInt(WavMuxerNode.BITS_PER_SAMPLE, 16);
        return switch (bits) {
            case 16 -> new WavMuxerNode(PcmEncoding.INT16);
            case 32 -> new WavMuxerNode(PcmEncoding.FLOAT32);
            default -> throw NodeException.invalidParam(WavMuxerNode.BITS_PER_SAMPLE, "must be 16 or 32, got " + bits);
        };
    }
}
