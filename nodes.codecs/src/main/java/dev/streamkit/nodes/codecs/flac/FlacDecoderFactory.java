package dev.streamkit.nodes.codecs.flac;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.nodes.codecs.ffmpeg.FileDecoderDefinition;
import dev.streamkit.nodes.codecs.ffmpeg.StreamDecoderNode;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code audio::flac::decoder} (FFmpeg's FLAC parser and decoder). The output pin is declared as
 * 48 kHz stereo, as in StreamKit, but carries the file's own rate and channel count.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + FlacDecoderFactory.KIND)
public final class FlacDecoderFactory implements NodeFactory {

    static final String KIND = "audio::flac::decoder";

    private static final NodeDefinition DEFINITION = FileDecoderDefinition.of(KIND, "flac",
            "Decodes a streamed FLAC file into raw audio at the file's sample rate and channel count, "
                    + "in frames of 960 samples per channel.");

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        return new StreamDecoderNode("FLAC", new String[] {"flac"}, new FlacStreamHeader());
    }
}
