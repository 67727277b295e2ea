package dev.streamkit.nodes.core;

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

/** Publishes {@code core::text_chunker}: Text or UTF-8 Binary in, Text chunks out. */
@Component(property = NodeFactory.KIND_PROPERTY + "=" + TextChunkerFactory.KIND)
public final class TextChunkerFactory implements NodeFactory {

    static final String KIND = "core::text_chunker";
    static final String DEFAULT_SPLIT_MODE = "clauses";
    static final int DEFAULT_MIN_LENGTH = 10;
    static final int DEFAULT_CHUNK_WORDS = 5;

    private static final NodeDefinition DEFINITION = NodeDefinition.builder(KIND)
            .description("Splits streaming text into sentence, clause or word-group chunks for "
                    + "text-to-speech; flushes the remainder at end of input.")
            .params(ParamSchema.builder()
                    .param("split_mode", ParamSpec.string().oneOf("sentences", "clauses", "words")
                            .defaultValue(DEFAULT_SPLIT_MODE)
                            .describe("Cut at sentence ends, also at pauses (commas, dashes, ...), "
                                    + "or every chunk_words words"))
                    .param("min_length", ParamSpec.integer().min(0).defaultValue(DEFAULT_MIN_LENGTH).unit("characters")
                            .describe("Shorter chunks are merged into the next one"))
                    .param("chunk_words", ParamSpec.integer().min(1).defaultValue(DEFAULT_CHUNK_WORDS).unit("words")
                            .describe("Words per chunk in words mode"))
                    .build())
            .input(InputPin.one("in", PacketType.TEXT, PacketType.BINARY))
            .output(OutputPin.broadcast("out", PacketType.TEXT))
            .categories("core", "text")
            .build();

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        String modeName = params.getString("split_mode", DEFAULT_SPLIT_MODE);
        TextSplitter.Mode mode;
        try {
            mode = TextSplitter.Mode.of(modeName);
        } catch (IllegalArgumentException e) {
            throw NodeException.invalidParam("split_mode", "unknown split_mode '" + modeName
                    + "' (expected sentences, clauses or words)");
        }
        int minLength = Math.max(0, params.getInt("min_length", DEFAULT_MIN_LENGTH));
        int chunkWords = Math.max(1, params.getInt("chunk_words", DEFAULT_CHUNK_WORDS));
        return new TextChunkerNode(new TextSplitter(mode, minLength, chunkWords));
    }
}
