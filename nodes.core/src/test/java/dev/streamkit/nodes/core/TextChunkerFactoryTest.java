package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextChunkerFactoryTest {

    private static final String TEXT = "Well, one two three four five six. Seven";

    private final TextChunkerFactory factory = new TextChunkerFactory();

    @Test
    void publishesTextOrBinaryInToTextOut() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::text_chunker", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.TEXT, PacketType.BINARY)), definition.inputs());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.TEXT)), definition.outputs());
        assertEquals(List.of("core", "text"), definition.categories());
    }

    @Test
    void declaresParamsWithStreamKitDefaults() {
        Map<String, ParamSpec> params = factory.definition().params().properties();
        assertEquals(List.of("split_mode", "min_length", "chunk_words"), List.copyOf(params.keySet()));
        assertEquals(List.of("sentences", "clauses", "words"), params.get("split_mode").allowedValues());
        assertEquals("clauses", params.get("split_mode").defaultValue());
        assertEquals(10, params.get("min_length").defaultValue());
        assertEquals(0.0, params.get("min_length").minimum());
        assertEquals(5, params.get("chunk_words").defaultValue());
        assertEquals(1.0, params.get("chunk_words").minimum());
    }

    @Test
    void defaultsSplitClausesOfTenCharactersOrMore() throws Exception {
        assertEquals(List.of("Well, one two three four five six.", "Seven"), chunk(Params.EMPTY));
    }

    @Test
    void appliesParams() throws Exception {
        assertEquals(List.of("Well,", "one two three four five six.", "Seven"),
                chunk(Params.of(Map.of("min_length", 0))));
        assertEquals(List.of("Well, one two three four five six.", "Seven"),
                chunk(Params.of(Map.of("split_mode", "sentences", "min_length", 0))));
        assertEquals(List.of("Well, one two", "three four five", "six. Seven"),
                chunk(Params.of(Map.of("split_mode", "words", "chunk_words", 3))));
    }

    @Test
    void rejectsUnknownSplitMode() {
        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("split_mode", "paragraphs")), TestNodeContext.noFiles()));
        assertEquals("split_mode", error.field());
    }

    private List<String> chunk(Params params) throws Exception {
        Node node = factory.create(params, TestNodeContext.noFiles());
        var out = new RecordingOutputs();
        node.onPacket("in", new TextPacket(TEXT, null), out);
        node.onInputEnd("in", out);
        return out.packets(TextPacket.class).stream().map(TextPacket::text).toList();
    }
}
