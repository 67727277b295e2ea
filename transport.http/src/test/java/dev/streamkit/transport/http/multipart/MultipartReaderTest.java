package dev.streamkit.transport.http.multipart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "XyZ";

    private static byte[] body(byte[] media) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("preamble\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"config\"\r\n\r\n"
                + "mode: oneshot\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nskip me\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(media);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Hands out at most one byte per read, to exercise every buffer boundary. */
    private static InputStream trickle(byte[] data) {
        return new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(1, len));
            }
        };
    }

    @Test
    void readsPartsInOrderWithHeaders() throws Exception {
        byte[] media = new byte[300_000];
        new Random(7).nextBytes(media);
        for (InputStream in : new InputStream[] {new ByteArrayInputStream(body(media)), trickle(body(media))}) {
            MultipartReader reader = new MultipartReader(in, BOUNDARY);
            MultipartPart config = reader.nextPart();
            assertEquals("config", config.name());
            assertEquals("mode: oneshot", new String(config.body().readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("note", reader.nextPart().name());
            MultipartPart file = reader.nextPart();
            assertEquals("media", file.name());
            assertEquals("a.wav", file.filename());
            assertEquals("audio/wav", file.contentType());
            assertArrayEquals(media, file.body().readAllBytes());
            assertNull(reader.nextPart());
        }
    }

    @Test
    void keepsDataThatAlmostLooksLikeTheBoundary() throws Exception {
        byte[] media = ("a\r\n--XyQ b\r\n--Xy\r\n-" + "\r\n--XY").getBytes(StandardCharsets.ISO_8859_1);
        MultipartReader reader = new MultipartReader(trickle(body(media)), BOUNDARY);
        reader.nextPart();
        reader.nextPart();
        assertArrayEquals(media, reader.nextPart().body().readAllBytes());
    }

    @Test
    void rejectsTruncatedAndMalformedBodies() throws Exception {
        byte[] full = body(new byte[1000]);
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - 20);
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(truncated), BOUNDARY);
        reader.nextPart();
        reader.nextPart();
        MultipartPart media = reader.nextPart();
        assertThrows(MultipartException.class, () -> media.body().readAllBytes());

        byte[] hugeHeader = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"x\"\r\nX: "
                + "a".repeat(20_000) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MultipartException.class, () -> new MultipartReader(new ByteArrayInputStream(hugeHeader), BOUNDARY).nextPart());
        byte[] noDisposition = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MultipartException.class, () -> new MultipartReader(new ByteArrayInputStream(noDisposition), BOUNDARY).nextPart());
    }

    @Test
    void extractsBoundaryFromContentType() {
        assertEquals("abc", MultipartReader.boundaryOf("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartReader.boundaryOf("multipart/form-data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartReader.boundaryOf("application/json"));
        assertNull(MultipartReader.boundaryOf("multipart/form-data"));
        assertNull(MultipartReader.boundaryOf(null));
    }
}
