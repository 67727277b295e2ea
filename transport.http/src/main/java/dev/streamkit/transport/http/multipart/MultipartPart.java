package dev.streamkit.transport.http.multipart;

import java.io.InputStream;

/**
 * One part of a {@code multipart/form-data} body, in arrival order. The body stream is valid until the
 * next call to {@link MultipartReader#nextPart()}.
 *
 * @param name        the form field name from {@code Content-Disposition}
 * @param filename    the file name, or {@code null}
 * @param contentType the part's {@code Content-Type}, or {@code null}
 * @param body        the part's bytes, streamed
 */
public record MultipartPart(String name, String filename, String contentType, InputStream body) {
}
