package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.core.TextSplitter.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunkerNodeTest {

    private final RecordingOutputs out = new RecordingOutputs();

    @Test
    void chunksTextPacketsAndFlushesRemainderAtEnd() throws Exception {
        Node node = chunker(Mode.CLAUSES, 0);

        node.onPacket("in", text("Hello world, this is", 1), out);
        node.onPacket("in", text(" a test. And the", 2), out);
        assertEquals(List.of("Hello world,", "this is a test."), texts());
        node.onInputEnd("in", out);

        assertEquals(List.of("Hello world,", "this is a test.", "And the"), texts());
        assertTrue(out.sent().stream().allMatch(s -> s.pin().equals("out")));
        assertTrue(out.finished());
        assertNull(out.failure());
    }

    @Test
    void chunkCarriesMetadataOfThePacketThatCompletedIt() throws Exception {
        Node node = chunker(Mode.SENTENCES, 0);

        node.onPacket("in", text("One", 1), out);
        node.onPacket("in", text(" two.", 2), out);
        node.onPacket("in", text(" Three", 3), out);
        node.onPacket("in", text(" four.", 4), out);
        node.onPacket("in", text(" Five", 5), out);
        node.onInputEnd("in", out);

        List<TextPacket> chunks = out.packets(TextPacket.class);
        assertEquals(List.of("One two.", "Three four.", "Five"), texts());
        assertEquals(List.of(3L, 5L, 5L), chunks.stream().map(p -> p.metadata().sequence()).toList());
    }

    @Test
    void joinsUtf8CharactersSplitAcrossBinaryPackets() throws Exception {
        Node node = chunker(Mode.SENTENCES, 0);
        byte[] bytes = "Café 😀 ok. Done.".getBytes(StandardCharsets.UTF_8);

        for (byte b : bytes) node.onPacket("in", BinaryPacket.of(new byte[] {b}), out);
        node.onInputEnd("in", out);

        assertEquals(List.of("Café 😀 ok.", "Done."), texts());
    }

    @Test
    void splitsEmojiBytesAcrossPacketsAtEveryOffset() throws Exception {
        byte[] bytes = "é😀é".getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            var recording = new RecordingOutputs();
            Node node = chunker(Mode.WORDS, 0);
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(bytes, 0, cut)), recording);
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(bytes, cut, bytes.length)), recording);
            node.onInputEnd("in", recording);
            List<String> chunks = recording.packets(TextPacket.class).stream().map(TextPacket::text).toList();
            assertEquals(List.of("é😀é"), chunks, "split at byte " + cut);
        }
    }

    @Test
    void replacesMalformedAndTruncatedBytes() throws Exception {
        Node node = chunker(Mode.WORDS, 0);

        node.onPacket("in", BinaryPacket.of(new byte[] {'a', (byte) 0xFF, 'b', ' '}), out);
        node.onPacket("in", BinaryPacket.of(new byte[] {'c', (byte) 0xE2, (byte) 0x82}), out);
        node.onInputEnd("in", out);

        assertEquals(List.of("a\uFFFDb c\uFFFD"), texts());
    }

    @Test
    void textAfterIncompleteBinaryCharacterEndsThatCharacter() throws Exception {
        Node node = chunker(Mode.WORDS, 0);

        node.onPacket("in", BinaryPacket.of(new byte[] {'x', (byte) 0xC3}), out);
        node.onPacket("in", new TextPacket("y", null), out);
        node.onInputEnd("in", out);

        assertEquals(List.of("x\uFFFDy"), texts());
    }

    @Test
    void mergesShortChunks() throws Exception {
        Node node = chunker(Mode.CLAUSES, 10);

        node.onPacket("in", text("Oh, no, that is bad, really.", 1), out);
        node.onInputEnd("in", out);

        assertEquals(List.of("Oh, no, that is bad,", "really."), texts());
    }

    @Test
    void endOfEmptyInputSendsNothing() throws Exception {
        Node node = chunker(Mode.CLAUSES, 10);

        node.onInputEnd("in", out);

        assertTrue(out.sent().isEmpty());
        assertTrue(out.finished());
    }

    @Test
    void rejectsOtherPacketTypes() throws Exception {
        Node node = chunker(Mode.CLAUSES, 10);

        node.onPacket("in", new AudioFrame(48_000, 1, new float[1], null), out);

        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
    }

    @Test
    void runsInline() {
        assertEquals(Node.Invocation.NON_BLOCKING, chunker(Mode.CLAUSES, 10).invocation());
    }

    private static Node chunker(Mode mode, int minLength) {
        return new TextChunkerNode(new TextSplitter(mode, minLength, 5));
    }

    private static TextPacket text(String text, long sequence) {
        return new TextPacket(text, PacketMetadata.NONE.withSequence(sequence));
    }

    private List<String> texts() {
        return out.packets(TextPacket.class).stream().map(TextPacket::text).toList();
    }
}
