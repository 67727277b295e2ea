package dev.streamkit.nodes.codecs.mp3;

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
 * Publishes {@code audio::mp3::decoder} (FFmpeg's MPEG audio parser and float decoder; ID3v2 tags
 * skipped; a Xing/Info frame is not audio and its LAME tag's encoder delay and padding are trimmed, as FFmpeg does).
 * The output pin is declared as 48 kHz stereo, as in StreamKit, but carries the file's own rate and channels.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + Mp3DecoderFactory.KIND)
public final class Mp3DecoderFactory implements NodeFactory {

    static final String KIND = "audio::mp3::decoder";

    private static final NodeDefinition DEFINITION = FileDecoderDefinition.of(KIND, "mp3",
            "Decodes a streamed MP3 file into raw audio at the file's sample rate and channel count, "
                    + "in frames of 960 samples per channel with timestamp and duration.");

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        return new StreamDecoderNode("MP3", new String[] {"mp3float", "mp3"}, new Mp3StreamHeader());
    }
}
