package dev.streamkit.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a {@code multipart/form-data} body field by field, in order. */
final class Multipart {

    private final String boundary = "skit-test-boundary-" + Long.toHexString(System.nanoTime());
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart text(String name, String value) {
        return part(name, null, "text/plain", value.getBytes(StandardCharsets.UTF_8));
    }

    Multipart file(String name, String filename, String contentType, byte[] data) {
        return part(name, filename, contentType, data);
    }

    private Multipart part(String name, String filename, String contentType, byte[] data) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        complete.writeBytes(body.toByteArray());
        complete.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return complete.toByteArray();
    }
}
