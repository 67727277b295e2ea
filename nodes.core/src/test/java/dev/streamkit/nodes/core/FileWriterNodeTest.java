package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.testkit.RecordingOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriterNodeTest {

    @TempDir
    Path tempDir;

    private Path dir;

    @BeforeEach
    void realDir() throws Exception {
        dir = tempDir.toRealPath();
    }

    @Test
    void writesReceivedBytesWithSmallChunks() throws Exception {
        assertWritesExactly(100);
    }

    @Test
    void writesReceivedBytesWithChunksLargerThanPackets() throws Exception {
        assertWritesExactly(10_000);
    }

    @Test
    void writesReceivedBytesWithOneByteChunks() throws Exception {
        assertWritesExactly(1);
    }

    @Test
    void buffersUntilChunkSizeIsReached() throws Exception {
        Path file = dir.resolve("buffered.bin");
        var node = new FileWriterNode(file, 1000);
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of(new byte[600]), out);
        assertEquals(0, Files.size(file), "created at the first packet, nothing written yet");
        node.onPacket("in", BinaryPacket.of(new byte[600]), out);
        assertEquals(600, Files.size(file));
        node.onInputEnd("in", out);

        assertEquals(1200, Files.size(file));
        assertTrue(out.finished());
        node.close();
    }

    @Test
    void truncatesExistingFile() throws Exception {
        Path file = Files.write(dir.resolve("old.bin"), new byte[5000]);
        var node = new FileWriterNode(file, 64);
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of(new byte[] {1, 2, 3}), out);
        node.onInputEnd("in", out);

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
    }

    @Test
    void createsNothingBeforeDataOrEnd() throws Exception {
        Path file = dir.resolve("lazy.bin");
        Node node = new FileWriterNode(file, 64);

        node.close();

        assertFalse(Files.exists(file));
    }

    @Test
    void emptyInputLeavesEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.bin"), new byte[] {9, 9});
        var node = new FileWriterNode(file, 64);
        var out = new RecordingOutputs();

        node.onInputEnd("in", out);

        assertEquals(0, Files.size(file));
        assertTrue(out.finished());
    }

    @Test
    void doesNotFollowPreexistingSymlink() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path victim = Files.write(outside.resolve("victim.txt"), "keep me".getBytes());
        Path root = Files.createDirectory(dir.resolve("root"));
        Path link = Files.createSymbolicLink(root.resolve("out.bin"), victim);
        var node = new FileWriterNode(link, 4);
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of("overwritten".getBytes()), out);
        node.onInputEnd("in", out);
        node.close();

        assertEquals(NodeException.Cause.RUNTIME, out.failure().failureCause());
        assertTrue(out.failure().getMessage().contains(link.toString()), out.failure().getMessage());
        assertFalse(out.finished());
        assertEquals("keep me", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void refusesParentDirectorySwappedForSymlink() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        var node = new FileWriterNode(sub.resolve("out.bin"), 4);
        Files.delete(sub);
        Files.createSymbolicLink(sub, outside);
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of(new byte[] {1}), out);

        assertEquals(NodeException.Cause.RUNTIME, out.failure().failureCause());
        assertFalse(Files.exists(outside.resolve("out.bin")));
    }

    @Test
    void failsCleanlyWhenDirectoryVanishes() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path file = sub.resolve("out.bin");
        var node = new FileWriterNode(file, 8);
        Files.delete(sub);
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of(new byte[32]), out);
        node.onPacket("in", BinaryPacket.of(new byte[32]), out);
        node.onInputEnd("in", out);
        node.close();

        NodeException failure = out.failure();
        assertEquals(NodeException.Cause.RUNTIME, failure.failureCause());
        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
        assertFalse(out.finished());
        assertFalse(Files.exists(sub));
    }

    @Test
    void rejectsNonBinaryPacket() throws Exception {
        var node = new FileWriterNode(dir.resolve("x.bin"), 8);
        var out = new RecordingOutputs();

        node.onPacket("in", new TextPacket("hi", null), out);

        assertEquals(NodeException.Cause.INVALID_MEDIA, out.failure().failureCause());
    }

    @Test
    void runsOnItsOwnWorker() {
        assertEquals(Node.Invocation.BLOCKING, new FileWriterNode(dir.resolve("x"), 1).invocation());
    }

    private void assertWritesExactly(int chunkSize) throws Exception {
        byte[] content = new byte[25_000];
        new Random(7).nextBytes(content);
        Path file = dir.resolve("out-" + chunkSize + ".bin");
        var node = new FileWriterNode(file, chunkSize);
        var out = new RecordingOutputs();

        int[] packetSizes = {1, 333, 4096, 0, 5000, 777};
        int offset = 0;
        for (int i = 0; offset < content.length; i++) {
            int size = Math.min(packetSizes[i % packetSizes.length], content.length - offset);
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(content, offset, offset + size)), out);
            offset += size;
        }
        node.onInputEnd("in", out);
        node.close();

        assertArrayEquals(content, Files.readAllBytes(file));
        assertTrue(out.finished());
        assertNull(out.failure());
        assertTrue(out.sent().isEmpty());
    }
}
