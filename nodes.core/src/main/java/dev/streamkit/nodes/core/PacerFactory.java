package dev.streamkit.nodes.core;

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
import dev.streamkit.nodes.core.pacing.PacerSpeed;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code core::pacer}: releases packets of any type in real time, at a live-tunable speed. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + PacerFactory.KIND)
public final class PacerFactory implements NodeFactory {

    static final String KIND = "core::pacer";

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Releases packets at their duration (duration_us, else audio frame length, else at once), "
                    + "turning a faster-than-real-time stream into a real-time one.")
            .params(ParamSchema.builder()
                    .param(PacerSpeed.PARAM, ParamSpec.number().min(PacerSpeed.MIN)
                            .defaultValue(PacerSpeed.DEFAULT).tunable()
                            .describe("Playback speed multiplier (1.0 = real time, 2.0 = twice as fast)"))
                    .param(PacerNode.BUFFER_SIZE, ParamSpec.integer().min(1)
                            .defaultValue(PacerNode.DEFAULT_BUFFER_SIZE).unit("packets")
                            .describe("Packets buffered ahead of the pacer (the engine's mailbox buffers them for now)"))
                    .param(PacerNode.INITIAL_BURST_PACKETS, ParamSpec.integer().min(0).defaultValue(0).unit("packets")
                            .describe("Packets released at 10x speed at the start and after a pause of more than 300 ms"))
                    .build())
            .input(InputPin.one("in", PacketType.ANY))
            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH))
            .categories("core", "timing")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return new PacerNode(params);
    }
}
