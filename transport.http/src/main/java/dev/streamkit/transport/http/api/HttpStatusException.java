package dev.streamkit.transport.http.api;

/**
 * A request that cannot be served, with the HTTP status and StreamKit's plain-text message to answer;
 * routes made by {@link RequestRoles#guard} answer it.
 */
public class HttpStatusException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpStatusException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
