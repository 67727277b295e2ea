package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.OutputPin;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReaderFactoryTest {

    private final FileReaderFactory factory = new FileReaderFactory();

    @TempDir
    Path dir;

    @Test
    void publishesSourceWithBinaryOutput() {
        NodeDefinition definition = factory.definition();
        assertEquals("core::file_reader", definition.kind());
        assertTrue(definition.inputs().isEmpty());
        assertEquals(List.of(OutputPin.broadcast("out", PacketType.BINARY)), definition.outputs());
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
    void rejectsDisallowedPath() throws Exception {
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        Files.write(dir.resolve("secret.bin"), new byte[] {42});
        var context = new TestNodeContext(allowed, null);

        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("path", "../secret.bin")), context));

        assertEquals("path", error.field());
        assertEquals(NodeException.Cause.INVALID_PARAMS, error.failureCause());
    }

    @Test
    void rejectsMissingFile() {
        var context = new TestNodeContext(dir, null);
        NodeException error = assertThrows(NodeException.class,
                () -> factory.create(Params.of(Map.of("path", "absent.bin")), context));
        assertEquals("path", error.field());
    }

    @Test
    void readsAllowedFileInDefaultChunks() throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[10_000]);
        Node node = factory.create(Params.of(Map.of("path", "a.bin")), new TestNodeContext(dir, null));
        var out = new RecordingOutputs();

        node.onStart(out);

        List<Integer> sizes = out.packets(BinaryPacket.class).stream().map(p -> p.data().length).toList();
        assertEquals(List.of(8192, 10_000 - 8192), sizes);
        assertTrue(out.finished());
    }
}
