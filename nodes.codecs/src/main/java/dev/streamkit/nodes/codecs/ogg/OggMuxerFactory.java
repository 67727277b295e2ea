package dev.streamkit.nodes.codecs.ogg;

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

/**
 * Publishes {@code containers::ogg::muxer}: Opus packets to a streamed {@code audio/ogg} file. StreamKit
 * requires a params object; here a missing one means all defaults.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + OggMuxerFactory.KIND)
public final class OggMuxerFactory implements NodeFactory {

    static final String KIND = "containers::ogg::muxer";
    static final String STREAM_SERIAL = "stream_serial";
    static final String CODEC = "codec";
    static final String CHANNELS = "channels";
    static final String CHUNK_SIZE = "chunk_size";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Writes Opus packets as an Ogg Opus stream (OpusHead, OpusTags, audio pages, EOS).")
            .params(ParamSchema.builder()
                    .param(STREAM_SERIAL, ParamSpec.integer().range(0, 4_294_967_295L).defaultValue(0)
                            .describe("Serial number of the Ogg logical stream"))
                    .param(CODEC, ParamSpec.string().oneOf("opus").defaultValue("opus").describe("Codec of the packets"))
                    .param(CHANNELS, ParamSpec.integer().range(1, 2).defaultValue(1)
                            .describe("Channel count written in OpusHead"))
                    .param(CHUNK_SIZE, ParamSpec.integer().min(1).defaultValue(65_536).unit("bytes")
                            .describe("Output is sent once this many bytes of pages have accumulated, and at end"))
                    .build())
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("containers", "ogg")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        long serial = params.getLong(STREAM_SERIAL, 0);
        if (serial < 0 || serial > 0xFFFFFFFFL) throw NodeException.invalidParam(STREAM_SERIAL, "must be 0..4294967295");
        if (!"opus".equals(params.getString(CODEC, "opus"))) throw NodeException.invalidParam(CODEC, "only 'opus' is supported");
        int channels = params.getInt(CHANNELS, 1);
        if (channels < 1 || channels > 2) throw NodeException.invalidParam(CHANNELS, "must be 1 or 2, got " + channels);
        int chunkSize = params.getInt(CHUNK_SIZE, 65_536);
        if (chunkSize < 1) throw NodeException.invalidParam(CHUNK_SIZE, "must be at least 1, got " + chunkSize);
        return new OggMuxerNode((int) serial, channels, chunkSize);
    }
}
