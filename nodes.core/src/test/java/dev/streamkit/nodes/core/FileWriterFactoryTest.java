package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.testkit.TestNodeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriterFactoryTest {

    private final FileWriterFactory factory = new FileWriterFactory();

    @TempDir
    Path dir;

    @Test
    void publishesBinarySinkWithoutOutputs() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::file_writer", definition.kind());
        assertEquals(List.of(InputPin.one("in", PacketType.BINARY)), definition.inputs());
        assertTrue(definition.outputs().isEmpty());
        assertEquals(List.of("core", "io"), definition.categories());
    }

    @Test
    void requiresPathAndBoundsChunkSize() {
        assertEquals(Set.of("path"), factory.definition().params().required());
        ParamSpec chunkSize = factory.definition().params().properties().get("chunk_size");
        assertEquals(1.0, chunkSize.minimum());
        assertEquals(16.0 * 1024 * 1024, chunkSize.maximum());
        assertEquals(8192, chunkSize.defaultValue());
    }

    @Test
    void refusesPathOutsideWriteRootAndCreatesNothing() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        var context = new TestNodeContext(null, root);

        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("path", "../escaped.bin")), context));

        assertEquals("path", error.field());
        assertEquals(NodeException.Cause.INVALID_PARAMS, error.failureCause());
        assertEquals(List.of(root), list(dir));
        assertTrue(list(root).isEmpty());
    }

    @Test
    void refusesWritesByDefault() {
        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("path", "out.bin")), TestNodeContext.noFiles()));
        assertEquals("path", error.field());
    }

    @Test
    void refusesMissingParentDirectory() {
        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("path", "no/such/dir/out.bin")), new TestNodeContext(null, dir)));
        assertEquals("path", error.field());
        assertEquals(NodeException.Cause.INVALID_PARAMS, error.failureCause());
    }

    @Test
    void symlinkPlantedInWriteRootLeavesItsTargetUnchanged() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path victim = Files.write(dir.resolve("victim.txt"), "keep me".getBytes());
        Files.createSymbolicLink(root.resolve("out.bin"), victim);
        Node node = factory.create(Params.of(Map.of("path", "out.bin")), new TestNodeContext(null, root));
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of("overwritten".getBytes()), out);
        node.onInputEnd("in", out);
        node.close();

        assertNotNull(out.failure());
        assertFalse(out.finished());
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void writesAllowedFile() throws Exception {
        Params params = Params.of(Map.of("path", "out.bin", "chunk_size", 3));
        Node node = factory.create(params, new TestNodeContext(null, dir));
        var out = new RecordingOutputs();

        node.onPacket("in", BinaryPacket.of(new byte[] {1, 2}), out);
        node.onPacket("in", BinaryPacket.of(new byte[] {3, 4, 5, 6, 7}), out);
        node.onInputEnd("in", out);
        node.close();

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7}, Files.readAllBytes(dir.resolve("out.bin")));
        assertTrue(out.finished());
    }

    private static List<Path> list(Path directory) throws Exception {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.toList();
        }
    }
}
