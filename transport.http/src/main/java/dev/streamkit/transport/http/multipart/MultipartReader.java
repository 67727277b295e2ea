package dev.streamkit.transport.http.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A streaming {@code multipart/form-data} reader: parts are handed out one at a time and their bodies are
 * read straight from the request, so a 2-hour upload never sits in memory. Header blocks are capped at
 * {@value #MAX_HEADER_BYTES} bytes. Not thread-safe; one reader per request.
 */
public final class MultipartReader {

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    /**
     * @param in       the request body
     * @param boundary the boundary parameter of the request's content type
     */
    public MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first delimiter has no preceding CRLF; pretend it had one so that every delimiter looks alike.
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** Extracts the boundary from a {@code multipart/form-data; boundary=...} content type, or {@code null}. */
    public static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) return null;
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = trimmed.substring("boundary=".length());
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > 200 ? null : value;
            }
        }
        return null;
    }

    /** The next part, or {@code null} after the closing delimiter. Skips what is left of the previous part. */
    public MultipartPart nextPart() throws IOException {
        if (finished) return null;
        if (current != null) {
            current.skipRest();
        } else {
            skipPreamble();
        }
        // Positioned right after a delimiter: "--" ends the body, CRLF starts a part's headers.
        ensure(2);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true;
            return null;
        }
        if (end - start < 2 || buffer[start] != '\r' || buffer[start + 1] != '\n') {
            throw new MultipartException("malformed multipart body: expected CRLF after boundary");
        }
        start += 2;
        String headers = readHeaders();
        String disposition = header(headers, "content-disposition");
        if (disposition == null) throw new MultipartException("multipart part without Content-Disposition");
        current = new PartStream();
        return new MultipartPart(parameter(disposition, "name"), parameter(disposition, "filename"),
                header(headers, "content-type"), current);
    }

    private void skipPreamble() throws IOException {
        PartStream preamble = new PartStream();
        preamble.skipRest();
    }

    private String readHeaders() throws IOException {
        while (true) {
            int found = indexOf(new byte[] {'\r', '\n', '\r', '\n'}, start, Math.min(end, start + MAX_HEADER_BYTES));
            if (found >= 0) {
                String text = new String(buffer, start, found - start, StandardCharsets.UTF_8);
                start = found + 4;
                return text;
            }
            if (end - start >= MAX_HEADER_BYTES) throw new MultipartException("multipart part headers are too large");
            if (!fill()) throw new MultipartException("multipart body ended inside part headers");
        }
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String parameter(String header, String name) {
        for (String piece : header.split(";")) {
            String trimmed = piece.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().equalsIgnoreCase(name)) {
                String value = trimmed.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** Makes at least {@code count} bytes available unless the stream ends first. */
    private void ensure(int count) throws IOException {
        while (end - start < count && fill()) {
            // keep reading
        }
    }

    /** Reads more bytes, compacting the buffer first; false at end of stream. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) return true;
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
            return false;
        }
        end += read;
        return true;
    }

    private int indexOf(byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** The body of the current part: bytes up to the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done) return -1;
            if (length == 0) return 0;
            while (true) {
                int found = indexOf(delimiter, start, end);
                if (found == start) {
                    start += delimiter.length;
                    done = true;
                    return -1;
                }
                // Bytes before a found delimiter, or all but a possible delimiter prefix at the end, are body.
                int safeEnd = found >= 0 ? found : Math.max(start, end - delimiter.length + 1);
                if (safeEnd > start) {
                    int n = Math.min(length, safeEnd - start);
                    System.arraycopy(buffer, start, target, offset, n);
                    start += n;
                    return n;
                }
                if (!fill()) throw new MultipartException("multipart body ended inside a part");
            }
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }
}
