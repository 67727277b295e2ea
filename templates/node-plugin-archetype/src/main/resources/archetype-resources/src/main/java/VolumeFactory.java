package ${package};

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
import org.osgi.service.component.annotations.Component;

/**
 * Publishes {@code ${nodeKind}}: a volume control in decibels on raw audio.
 *
 * <p>The {@code @Component} annotation registers this factory as an OSGi service with the property
 * {@code streamkit.node.kind=${nodeKind}}; the server lists the kind as soon as the bundle starts
 * ({@code GET /api/v1/schema/nodes}) and removes it when the bundle goes.
 */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + VolumeFactory.KIND)
public final class VolumeFactory implements NodeFactory {

    /** The kind pipelines name this node by. */
    public static final String KIND = "${nodeKind}";

    /**
     * What the server shows and checks: the params (validated before {@link #create} is called, unknown
     * keys refused), the pins with their packet types (checked when pipelines connect them) and the UI
     * categories.
     */
    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Changes the volume of raw audio by a number of decibels, live-tunable.")
            .params(ParamSchema.builder()
                    .param(VolumeNode.GAIN_DB, ParamSpec.number().range(VolumeNode.MIN_DB, VolumeNode.MAX_DB)
                            .defaultValue(VolumeNode.DEFAULT_DB).unit("dB").tunable()
                            .describe("Gain in decibels (0 = unchanged, -6 = half the amplitude)"))
                    .param(VolumeNode.CLIP, ParamSpec.bool().defaultValue(VolumeNode.DEFAULT_CLIP)
                            .describe("Clamp samples to [-1, 1] after the gain"))
                    .build())
            .input(InputPin.one("in", PacketType.RAW_AUDIO_ANY))
            .output(OutputPin.broadcast("out", PacketType.RAW_AUDIO_ANY))
            .categories("audio", "filters")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new VolumeNode(params);
    }
}
