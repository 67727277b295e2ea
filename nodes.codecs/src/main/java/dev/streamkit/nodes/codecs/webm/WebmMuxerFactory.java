package dev.streamkit.nodes.codecs.webm;

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
 * Publishes {@code containers::webm::muxer}: Opus packets to a streamed WebM file playable through MSE.
 * StreamKit requires a params object; here a missing one means all defaults.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + WebmMuxerFactory.KIND)
public final class WebmMuxerFactory implements NodeFactory {

    static final String KIND = "containers::webm::muxer";
    static final String SAMPLE_RATE = "sample_rate";
    static final String CHANNELS = "channels";
    static final String CHUNK_SIZE = "chunk_size";
    static final String STREAMING_MODE = "streaming_mode";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Writes Opus packets as WebM (A_OPUS track, SimpleBlocks in ~1 s clusters). 'live' writes "
                    + "unknown-size clusters block by block; 'file' writes each cluster with its size once complete.")
            .params(ParamSchema.builder()
                    .param(SAMPLE_RATE, ParamSpec.integer().range(1, 768_000).defaultValue(48_000).unit("Hz")
                            .describe("Sample rate written as SamplingFrequency and OpusHead input rate"))
                    .param(CHANNELS, ParamSpec.integer().range(1, 8).defaultValue(2)
                            .describe("Channel count of the Opus stream"))
                    .param(CHUNK_SIZE, ParamSpec.integer().min(1).defaultValue(65_536).unit("bytes")
                            .describe("Output is sent once this many bytes have accumulated, and at end"))
                    .param(STREAMING_MODE, ParamSpec.string().oneOf("live", "file").defaultValue("live")
                            .describe("live: unknown-size clusters written as packets arrive; file: sized clusters"))
                    .build())
            .input(InputPin.one("in", PacketType.OPUS_AUDIO))
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("containers", "webm")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        int sampleRate = params.getInt(SAMPLE_RATE, 48_000);
        if (sampleRate < 1) throw NodeException.invalidParam(SAMPLE_RATE, "must be positive, got " + sampleRate);
        int channels = params.getInt(CHANNELS, 2);
        if (channels < 1 || channels > 8) throw NodeException.invalidParam(CHANNELS, "must be 1..8, got " + channels);
        int chunkSize = params.getInt(CHUNK_SIZE, 65_536);
        if (chunkSize < 1) throw NodeException.invalidParam(CHUNK_SIZE, "must be at least 1, got " + chunkSize);
        String mode = params.getString(STREAMING_MODE, "live");
        if (!mode.equals("live") && !mode.equals("file")) {
            throw NodeException.invalidParam(STREAMING_MODE, "must be 'live' or 'file', got '" + mode + "'");
        }
        return new WebmMuxerNode(sampleRate, channels, chunkSize, mode.equals("live"));
    }
}
