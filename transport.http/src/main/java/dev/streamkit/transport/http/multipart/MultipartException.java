package dev.streamkit.transport.http.multipart;

import java.io.IOException;

/** The body is not well-formed {@code multipart/form-data}. */
public final class MultipartException extends IOException {

    private static final long serialVersionUID = 1L;

    public MultipartException(String message) {
        super(message);
    }
}
