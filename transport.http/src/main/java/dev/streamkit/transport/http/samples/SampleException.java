package dev.streamkit.transport.http.samples;

import dev.streamkit.transport.http.api.HttpStatusException;

/** A samples request that cannot be served; carries the HTTP status and StreamKit's plain-text message. */
public final class SampleException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    public SampleException(int status, String message) {
        super(status, message);
    }
}
