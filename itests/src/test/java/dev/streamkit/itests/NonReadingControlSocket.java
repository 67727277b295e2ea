package dev.streamkit.itests;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A control WebSocket over a plain loopback socket that sends requests but reads nothing until told to, as a
 * client that stopped reading does; then {@link #drainUntilClosed} reads what the server sent until it closes.
 */
final class NonReadingControlSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    NonReadingControlSocket(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setReceiveBufferSize(64 * 1024);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        String key = Base64.getEncoder().encodeToString("streamkit-itests".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET /api/v1/control HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = headerBlock(in);
        if (!status.startsWith("HTTP/1.1 101")) throw new IOException("upgrade refused: " + status);
    }

    /** Sends one masked text frame. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
        out.write(payload);
        out.flush();
    }

    /**
     * Reads what the server sent until it closes the connection (a close frame, or the connection just ending)
     * and returns the payload bytes received before; fails when it is still open after the socket timeout.
     */
    long drainUntilClosed() throws IOException {
        int frames = 0;
        long bytes = 0;
        try {
            for (; frames < 100_000; frames++) {
                int opcode = in.readUnsignedByte() & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                if (opcode == 8) return bytes;
                in.skipNBytes(length);
                bytes += length;
            }
            throw new IOException("no close after " + frames + " frames");
        } catch (EOFException | SocketException ended) {
            return bytes;
        } catch (java.net.SocketTimeoutException e) {
            throw new IOException("still open after " + frames + " frames, " + bytes + " bytes", e);
        }
    }

    private static String headerBlock(InputStream in) throws IOException {
        StringBuilder header = new StringBuilder();
        while (header.length() < 8192 && !header.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            header.append((char) b);
        }
        return header.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
