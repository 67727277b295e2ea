package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.Cardinality;
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
import java.util.List;
import java.util.stream.IntStream;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code audio::mixer}. With {@code num_inputs = N} the node has the fixed inputs
 * {@code in_0 .. in_(N-1)}; without it, one dynamic family {@code in} ({@code in_0}, {@code in_1}, ...
 * created as connections need them). Without {@code clocked} the mix is driven by arrivals
 * ({@link MixerNode}); with it, by a clock thread ({@link ClockedMixerNode}).
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + MixerFactory.KIND)
public final class MixerFactory implements NodeFactory {

    static final String KIND = "audio::mixer";
    private static final String INPUT_PREFIX = "in";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Sums several raw audio inputs of one sample rate into one output, clipped to [-1, 1].")
            .params(ParamSchema.builder()
                    .param(MixerNode.NUM_INPUTS, ParamSpec.integer().min(1).nullable()
                            .describe("Number of fixed inputs in_0..in_N-1; null for dynamic inputs"))
                    .param(MixerNode.SYNC_TIMEOUT_MS, ParamSpec.integer().min(0).nullable()
                            .defaultValue(MixerNode.DEFAULT_SYNC_TIMEOUT_MS).unit("ms")
                            .describe("How long to wait for a lagging input before mixing it as silence; null waits forever"))
                    .param(MixerNode.CLOCKED, ParamSpec.object().nullable()
                            .describe("Real-time mixing on a clock: {sample_rate: 48000, frame_samples_per_channel: 960, "
                                    + "jitter_buffer_frames: 3, generate_silence: true}; null mixes as audio arrives"))
                    .build())
            .input(new InputPin(INPUT_PREFIX, List.of(PacketType.RAW_AUDIO_ANY), Cardinality.dynamic(INPUT_PREFIX)))
            .output(OutputPin.broadcast("out", PacketType.RAW_AUDIO_ANY))
            .categories("audio", "mixing")
            .inputCountParam(MixerNode.NUM_INPUTS)
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<InputPin> inputs(Params params) {
        if (!params.has(MixerNode.NUM_INPUTS)) return DEFINITION.inputs();
        return fixedPinNames(params).stream().map(name -> InputPin.one(name, PacketType.RAW_AUDIO_ANY)).toList();
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        List<String> pins = params.has(MixerNode.NUM_INPUTS) ? fixedPinNames(params) : List.of();
        if (params.has(MixerNode.CLOCKED)) {
            ClockedMixerConfig config = ClockedMixerConfig.parse(params.get(MixerNode.CLOCKED));
            return new ClockedMixerNode(config, pins, "streamkit-mixer-clock-" + context.nodeId());
        }
        return new MixerNode(pins, syncTimeoutMs(params), System::nanoTime);
    }

    /** The sync timeout: the default when absent, {@code null} (wait forever) when given as null. */
    private static Long syncTimeoutMs(Params params) {
        if (params.has(MixerNode.SYNC_TIMEOUT_MS)) return Math.max(0, params.getLong(MixerNode.SYNC_TIMEOUT_MS, 0));
        return params.asMap().containsKey(MixerNode.SYNC_TIMEOUT_MS) ? null : (long) MixerNode.DEFAULT_SYNC_TIMEOUT_MS;
    }

    private static List<String> fixedPinNames(Params params) {
        int count = Math.max(1, params.getInt(MixerNode.NUM_INPUTS, 1));
        return IntStream.range(0, count).mapToObj(i -> INPUT_PREFIX + "_" + i).toList();
    }
}
