package dev.streamkit.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that passes text through {@link Redaction} line by line before it reaches {@code target}:
 * installed as the server process's {@code System.out} and {@code System.err}, no log line (the server's own,
 * Jetty's, a stack trace) can carry a token or an {@code Authorization} value. Bytes are held until a line
 * ends, so a credential written in several pieces is still seen whole; a line longer than
 * {@value #MAX_LINE_BYTES} bytes is passed on in pieces of that size. Thread-safe.
 */
public final class RedactingOutputStream extends OutputStream {

    static final int MAX_LINE_BYTES = 64 * 1024;

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public RedactingOutputStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE_BYTES) emitLine();
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int limit = Math.min(end, i + MAX_LINE_BYTES - line.size());
            int stop = i;
            while (stop < limit && bytes[stop] != '\n') stop++;
            boolean newline = stop < limit;
            line.write(bytes, i, stop - i + (newline ? 1 : 0));
            i = stop + (newline ? 1 : 0);
            if (newline || line.size() >= MAX_LINE_BYTES) emitLine();
        }
    }

    /** Passes on complete lines only: a partial line waits for its end (or {@link #close}). */
    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emitLine();
        target.close();
    }

    private void emitLine() throws IOException {
        if (line.size() == 0) return;
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(Redaction.redact(text).getBytes(StandardCharsets.UTF_8));
        target.flush();
    }
}
