package dev.streamkit.nodes.core;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code core::file_reader}: a source that streams one file as {@link BinaryPacket}s of {@code chunkSize}
 * bytes (the last one may be shorter), without content type or metadata, then finishes.
 *
 * <p>The file is opened in {@link #onStart} and closed before it returns, whatever happens. Cancellation
 * surfaces as a {@link java.util.concurrent.CancellationException} from {@code send} and is left to
 * propagate, so a cancelled reader stops after at most one more read. {@code Shutdown} (the server is
 * stopping) ends the stream early but cleanly: the reader finishes after the chunk being sent, so what
 * it read flows on and downstream nodes see end-of-stream (a muxer writes its last page).
 *
 * <p>When a plugin upgrade replaces it mid-file, it hands over how many bytes it delivered and the path
 * ({@link #handOver()}); a successor reading the same path starts after them, so the stream goes on without
 * a gap or a repeated chunk.
 */
final class FileReaderNode implements Node {

    private final Path path;
    private final int chunkSize;
    static final String STATE_PATH = "path";
    static final String STATE_OFFSET = "offset";

    /** Set by {@code Shutdown}, which the engine hands over on the reader's own thread, inside {@code send}. */
    private boolean shutDown;
    /** Bytes delivered so far (including what a predecessor delivered); read by {@link #handOver()}. */
    private volatile long delivered;

    /** @param path a path the engine's read policy already allowed; {@code chunkSize} &gt; 0 */
    FileReaderNode(Path path, int chunkSize) {
        this(path, chunkSize, 0);
    }

    /** As above, starting {@code startOffset} bytes into the file (a predecessor delivered those). */
    FileReaderNode(Path path, int chunkSize, long startOffset) {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        this.path = path;
        this.chunkSize = chunkSize;
        this.delivered = Math.max(0, startOffset);
    }

    /**
     * Where a successor reading {@code path} should start, from the state {@code inherited} handed over by the
     * reader it replaces; 0 for another path or none.
     */
    static long resumeOffset(Path path, Map<String, Object> inherited) {
        Object from = inherited.get(STATE_PATH);
        Object offset = inherited.get(STATE_OFFSET);
        return path.toString().equals(from) && offset instanceof Long bytes ? bytes : 0;
    }

    @Override
    public Map<String, Object> handOver() {
        return Map.of(STATE_PATH, path.toString(), STATE_OFFSET, delivered);
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onStart(Outputs out) {
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(Math.min(delivered, Files.size(path)));
            byte[] chunk;
            while (!shutDown && (chunk = readChunk(in)).length > 0) {
                out.send("out", BinaryPacket.of(chunk));
                delivered += chunk.length;
            }
        } catch (IOException e) {
            out.fail(NodeException.runtime("cannot read " + path + ": " + e, e));
            return;
        }
        out.finish();
    }

    @Override
    public void onControl(ControlMessage message, Outputs out) {
        if (message instanceof ControlMessage.Shutdown) shutDown = true;
    }

    /** Reads up to {@code chunkSize} bytes, fewer only at end of file; each chunk is a fresh array the packet owns. */
    private byte[] readChunk(InputStream in) throws IOException {
        byte[] buffer = new byte[chunkSize];
        int filled = in.readNBytes(buffer, 0, chunkSize);
        return filled == chunkSize ? buffer : Arrays.copyOf(buffer, filled);
    }
}
