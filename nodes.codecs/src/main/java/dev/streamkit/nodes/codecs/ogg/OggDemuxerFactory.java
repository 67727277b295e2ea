package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code containers::ogg::demuxer}: a streamed Ogg Opus file to timed Opus packets. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + OggDemuxerFactory.KIND)
public final class OggDemuxerFactory implements NodeFactory {

    static final String KIND = "containers::ogg::demuxer";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Demuxes a streamed Ogg Opus file into Opus packets timed from granule positions "
                    + "(48 kHz, minus pre-skip). Corrupt pages are dropped and counted; only the first Opus "
                    + "stream is followed.")
            .input(InputPin.one("in", PacketType.BINARY))
            .output(OutputPin.broadcast("out", PacketType.OPUS_AUDIO))
            .categories("containers", "ogg")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new OggDemuxerNode();
    }
}
