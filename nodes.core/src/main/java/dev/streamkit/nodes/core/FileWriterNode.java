package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code core::file_writer}: writes the bytes of every {@link BinaryPacket} it receives to one file, in
 * order, through a buffer of {@code chunkSize} bytes; at end of input it flushes, closes the file and
 * finishes.
 *
 * <p>The file is created, or truncated in place as StreamKit does, when the first packet arrives (or at
 * end of input if none did, leaving an empty file), so a pipeline that fails before any data flows
 * leaves no file behind. Opening never follows a symlink at the file's name ({@code O_NOFOLLOW}) and
 * first checks that the parent directory still resolves to the directory approved at creation, so a
 * link planted after the write policy ran cannot redirect the write.
 *
 * <p>Any I/O error fails the node with a runtime error naming the path; later packets are ignored.
 * NOTE: a failed or cancelled run keeps the bytes already written and drops the partly filled buffer;
 * there is no temporary file and rename.
 */
final class FileWriterNode implements Node {

    private final Path path;
    private final int chunkSize;
    private OutputStream file;
    private OutputStream buffered;
    private boolean failed;

    /**
     * @param path      a path the engine's write policy allowed, whose parent is a real path (no symlinks)
     * @param chunkSize bytes buffered before a write, &gt; 0
     */
    FileWriterNode(Path path, int chunkSize) {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        this.path = path;
        this.chunkSize = chunkSize;
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (failed) return;
        if (!(packet instanceof BinaryPacket binary)) {
            fail(out, NodeException.invalidMedia("file_writer accepts Binary packets only, got "
                    + packet.getClass().getSimpleName()));
            return;
        }
        try {
            open().write(binary.data());
        } catch (IOException e) {
            fail(out, NodeException.runtime("cannot write " + path + ": " + e, e));
        }
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (failed) return;
        try {
            open();
            buffered.close();
        } catch (IOException e) {
            fail(out, NodeException.runtime("cannot write " + path + ": " + e, e));
            return;
        }
        out.finish();
    }

    @Override
    public void close() {
        closeWithoutFlush();
    }

    private OutputStream open() throws IOException {
        if (buffered != null) return buffered;
        Path parent = path.toAbsolutePath().getParent();
        if (!parent.toRealPath().equals(parent)) {
            throw new IOException("parent directory changed since the path was approved: " + parent);
        }
        file = Files.newOutputStream(path, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        buffered = new BufferedOutputStream(file, chunkSize);
        return buffered;
    }

    private void fail(Outputs out, NodeException error) {
        failed = true;
        closeWithoutFlush();
        out.fail(error);
    }

    /** Closes the file itself, bypassing the buffer, so no further write is attempted. Idempotent. */
    private void closeWithoutFlush() {
        if (file == null) return;
        try {
            file.close();
        } catch (IOException e) {
            // The run already ended or failed; there is nobody left to tell.
        }
    }
}
