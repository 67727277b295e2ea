package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.NodeException;
import java.io.IOException;

/** The request body passed {@code server.max_body_size}; answered with 413 when the response is still open. */
public final class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public RequestBodyTooLargeException(long limit) {
        super("Request body exceeds the limit of " + limit + " bytes (server.max_body_size)");
    }

    NodeException asNodeException() {
        return NodeException.runtime(getMessage(), this);
    }
}
