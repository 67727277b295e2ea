package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.testkit.RecordingOutputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReaderNodeTest {

    @TempDir
    Path dir;

    @Test
    void readsFileInChunks() throws Exception {
        byte[] content = randomBytes(20_000);
        Path file = Files.write(dir.resolve("noise.bin"), content);
        var out = new RecordingOutputs();

        new FileReaderNode(file, 4096).onStart(out);

        List<BinaryPacket> chunks = out.packets(BinaryPacket.class);
        assertEquals(List.of(4096, 4096, 4096, 4096, 3616), chunks.stream().map(c -> c.data().length).toList());
        assertArrayEquals(content, concat(chunks));
        chunks.forEach(c -> {
            assertNull(c.contentType());
            assertEquals(PacketMetadata.NONE, c.metadata());
        });
        assertTrue(out.sent().stream().allMatch(s -> s.pin().equals("out")));
        assertTrue(out.finished());
        assertNull(out.failure());
        assertFalse(isOpen(file));
    }

    @Test
    void aSuccessorGoesOnFromTheBytesItsPredecessorDelivered() throws Exception {
        byte[] content = randomBytes(20_000);
        Path file = Files.write(dir.resolve("handover.bin"), content);
        var first = new RecordingOutputs();
        FileReaderNode predecessor = new FileReaderNode(file, 4096);
        predecessor.onStart(first);
        assertEquals(Map.of("path", file.toString(), "offset", 20_000L), predecessor.handOver());

        Map<String, Object> midway = Map.of("path", file.toString(), "offset", 8192L);
        var rest = new RecordingOutputs();
        new FileReaderNode(file, 4096, FileReaderNode.resumeOffset(file, midway)).onStart(rest);
        assertArrayEquals(Arrays.copyOfRange(content, 8192, 20_000), concat(rest.packets(BinaryPacket.class)));
        assertEquals(0, FileReaderNode.resumeOffset(dir.resolve("other.bin"), midway), "another file starts at 0");
        assertEquals(0, FileReaderNode.resumeOffset(file, Map.of()), "nothing handed over starts at 0");
    }

    @Test
    void sendsNoEmptyChunkWhenSizeDividesFile() throws Exception {
        Path file = Files.write(dir.resolve("even.bin"), randomBytes(3000));
        var out = new RecordingOutputs();

        new FileReaderNode(file, 1000).onStart(out);

        assertEquals(3, out.sent().size());
        assertTrue(out.finished());
    }

    @Test
    void emptyFileFinishesWithoutPackets() throws Exception {
        Path file = Files.write(dir.resolve("empty.bin"), new byte[0]);
        var out = new RecordingOutputs();

        new FileReaderNode(file, 8192).onStart(out);

        assertTrue(out.sent().isEmpty());
        assertTrue(out.finished());
    }

    @Test
    void stopsOnCancellationAndClosesFile() throws Exception {
        Path file = Files.write(dir.resolve("long.bin"), randomBytes(64 * 1024));
        var recording = new RecordingOutputs();
        Outputs cancelAfterFirstSend = new AfterFirstSend(recording, recording::cancel);

        assertThrows(CancellationException.class, () -> new FileReaderNode(file, 1024).onStart(cancelAfterFirstSend));

        assertEquals(1, recording.sent().size());
        assertFalse(recording.finished());
        assertNull(recording.failure());
        assertFalse(isOpen(file));
    }

    @Test
    void shutdownFinishesCleanlyAfterTheChunkBeingSent() throws Exception {
        Path file = Files.write(dir.resolve("long.bin"), randomBytes(64 * 1024));
        var recording = new RecordingOutputs();
        FileReaderNode reader = new FileReaderNode(file, 1024);
        Outputs engine = new AfterFirstSend(recording, () -> reader.onControl(new ControlMessage.Shutdown(), recording));

        reader.onStart(engine);

        assertEquals(1, recording.sent().size());
        assertTrue(recording.finished());
        assertNull(recording.failure());
        assertFalse(isOpen(file));
    }

    @Test
    void failsWhenFileVanishesBeforeStart() throws Exception {
        Path file = Files.write(dir.resolve("gone.bin"), randomBytes(10));
        Files.delete(file);
        var out = new RecordingOutputs();

        new FileReaderNode(file, 1024).onStart(out);

        assertEquals(NodeException.Cause.RUNTIME, out.failure().failureCause());
        assertFalse(out.finished());
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void runsOnItsOwnWorker() {
        assertEquals(Node.Invocation.BLOCKING, new FileReaderNode(dir.resolve("x"), 1).invocation());
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(List<BinaryPacket> chunks) {
        var all = new ByteArrayOutputStream();
        chunks.forEach(c -> all.writeBytes(c.data()));
        return all.toByteArray();
    }

    /** Whether this process holds a descriptor on {@code file}; only answerable where /proc exists. */
    private static boolean isOpen(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc to observe open files");
        Path target = file.toRealPath();
        try (Stream<Path> entries = Files.list(fds)) {
            return entries.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(target);
                } catch (IOException e) {
                    return false; // the descriptor closed while listing
                }
            });
        }
    }

    /**
     * Records, and runs {@code action} right after the first packet: cancelling the pipeline as a client
     * disconnecting mid-stream would, or handing over a control message as the engine does inside
     * {@code send}.
     */
    private record AfterFirstSend(RecordingOutputs recording, Runnable action) implements Outputs {
        @Override
        public void send(String outputPin, Packet packet) {
            recording.send(outputPin, packet);
            if (recording.sent().size() == 1) action.run();
        }

        @Override
        public void finish() {
            recording.finish();
        }

        @Override
        public void fail(NodeException error) {
            recording.fail(error);
        }

        @Override
        public boolean isCancelled() {
            return recording.isCancelled();
        }
    }
}
