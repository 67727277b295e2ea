package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code containers::wav::demuxer}. The output pin is declared as 48 kHz stereo, as in
 * StreamKit, but carries the file's own format.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + WavDemuxerFactory.KIND)
public final class WavDemuxerFactory implements NodeFactory {

    static final String KIND = "containers::wav::demuxer";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Parses a streamed WAV file (PCM 16/24/32-bit, float 32/64-bit, extensible) into raw audio "
                    + "at the file's sample rate and channel count.")
            .input(InputPin.one("in", PacketType.BINARY))
            .output(OutputPin.broadcast("out", PacketType.rawAudio(48_000, 2)))
            .categories("containers", "wav")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new WavDemuxerNode();
    }
}
