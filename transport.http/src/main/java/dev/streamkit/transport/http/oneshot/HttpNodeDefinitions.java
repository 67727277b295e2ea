package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.packet.PacketType;

/**
 * StreamKit's synthetic oneshot nodes: {@code streamkit::http_input} (the request's {@code media} part)
 * and {@code streamkit::http_output} (the response body). They exist only inside a oneshot request and
 * are registered as kinds ({@link HttpInputKind}, {@link HttpOutputKind}) and declared oneshot-only.
 */
public final class HttpNodeDefinitions {

    public static final String INPUT_KIND = "streamkit::http_input";
    public static final String OUTPUT_KIND = "streamkit::http_output";

    public static final NodeDefinition INPUT = NodeDefinition.builder(INPUT_KIND)
            .description("Streams the request's 'media' part into the pipeline (oneshot only).")
            .output(OutputPin.broadcast("out", PacketType.BINARY))
            .categories("transport", "oneshot")
            .oneshotOnly()
            .build();

    public static final NodeDefinition OUTPUT = NodeDefinition.builder(OUTPUT_KIND)
            .description("Streams what reaches it as the HTTP response body (oneshot only).")
            .params(ParamSchema.builder()
                    .param("content_type", ParamSpec.string().nullable()
                            .describe("Content-Type of the response; overrides the upstream node's"))
                    .build())
            .input(InputPin.one("in", PacketType.BINARY))
            .categories("transport", "oneshot")
            .oneshotOnly()
            .build();

    private HttpNodeDefinitions() {
    }
}
