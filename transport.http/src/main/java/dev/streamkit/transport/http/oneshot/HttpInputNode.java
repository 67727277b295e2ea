package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The source behind {@code streamkit::http_input}: reads the uploaded {@code media} part as it arrives
 * and emits it in chunks carrying the part's content type. A failed read (client gone, body too large)
 * fails the node, which ends the run.
 */
final class HttpInputNode implements Node {

    static final int CHUNK_SIZE = 64 * 1024;

    private final InputStream media;
    private final String contentType;

    HttpInputNode(InputStream media, String contentType) {
        this.media = media;
        this.contentType = contentType;
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    @Override
    public void onStart(Outputs out) throws NodeException {
        byte[] buffer = new byte[CHUNK_SIZE];
        long sequence = 0;
        try {
            int filled = 0;
            int read;
            while ((read = media.read(buffer, filled, buffer.length - filled)) >= 0) {
                filled += read;
                if (filled == buffer.length) {
                    out.send("out", new BinaryPacket(buffer.clone(), contentType, new PacketMetadata(null, null, sequence++)));
                    filled = 0;
                }
            }
            if (filled > 0) {
                out.send("out", new BinaryPacket(Arrays.copyOf(buffer, filled), contentType, new PacketMetadata(null, null, sequence)));
            }
        } catch (RequestBodyTooLargeException e) {
            throw e.asNodeException();
        } catch (IOException e) {
            throw NodeException.runtime("reading the request body failed: " + e.getMessage(), e);
        }
        out.finish();
    }
}
