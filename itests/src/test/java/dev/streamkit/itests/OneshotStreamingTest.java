package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oneshot processing streams: the response starts while the upload is still arriving, so a long input is
 * never held whole in memory (reliability case 9). Sends half of a 60 s Ogg/Opus upload over a raw
 * HTTP/1.1 socket, reads the first response bytes, then sends the rest.
 */
class OneshotStreamingTest {

    @RegisterExtension
    static final RunningServer running = new RunningServer("");
    @TempDir
    Path dir;

    @Test
    void respondsBeforeTheUploadEnds() throws Exception {
        Path ogg = dir.resolve("long.ogg");
        MediaTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=60",
                "-af", "volume=0.3", "-c:a", "libopus", "-b:a", "64k", ogg.toString());
        String yaml = Files.readString(Path.of(System.getProperty("skit.samples"), "pipelines/oneshot/double_volume.yml"))
                .replace("channels: 1", "channels: 1\n      chunk_size: 4096");
        Multipart multipart = new Multipart().text("config", yaml).file("media", "long.ogg", "audio/ogg", Files.readAllBytes(ogg));
        byte[] body = multipart.bytes();
        try (Socket socket = new Socket("127.0.0.1", running.get().port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/v1/process HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + multipart.contentType()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int half = body.length / 2;
            out.write(body, 0, half);
            out.flush();
            byte[] first = new byte[8192];
            int read = in.read(first);
            String head = new String(first, 0, Math.max(read, 0), StandardCharsets.ISO_8859_1);
            assertTrue(head.startsWith("HTTP/1.1 200 "), head);
            assertTrue(head.contains("OggS"), "audio arrives before the upload is complete");
            out.write(body, half, body.length - half);
            out.flush();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(first, 0, read);
            byte[] buffer = new byte[65536];
            for (int n; !endsWithLastChunk(rest) && (n = in.read(buffer)) > 0; ) rest.write(buffer, 0, n);
            assertTrue(endsWithLastChunk(rest), "chunked response completes");
        }
    }

    private static boolean endsWithLastChunk(ByteArrayOutputStream response) {
        byte[] bytes = response.toByteArray();
        byte[] last = "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length >= last.length && Arrays.equals(Arrays.copyOfRange(bytes, bytes.length - last.length, bytes.length), last);
    }
}
