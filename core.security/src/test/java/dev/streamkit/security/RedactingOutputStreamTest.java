package dev.streamkit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {

    private static final String JWT = "eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJza2l0LWFwaSJ9.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void aTokenWrittenInPiecesIsStillRedacted() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new RedactingOutputStream(sink), true, StandardCharsets.UTF_8)) {
            out.print("WARN request /moq?jwt=");
            out.print(JWT.substring(0, 10));
            out.flush();
            out.print(JWT.substring(10));
            out.println(" failed");
            out.println("second line");
            out.print("unterminated " + JWT);
        }
        String text = sink.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("eyJ"), text);
        assertEquals("WARN request /moq?jwt=" + Redaction.REDACTED + " failed\nsecond line\nunterminated " + Redaction.REDACTED,
                text.replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aLineLongerThanTheLimitIsPassedOnInPieces() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink);
        byte[] huge = "x".repeat(RedactingOutputStream.MAX_LINE_BYTES * 2 + 10).getBytes(StandardCharsets.US_ASCII);
        out.write(huge, 0, huge.length);
        assertTrue(sink.size() >= RedactingOutputStream.MAX_LINE_BYTES * 2, "held " + (huge.length - sink.size()) + " bytes");
        out.close();
        assertEquals(huge.length, sink.size());
    }
}
