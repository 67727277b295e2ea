package dev.streamkit.transport.http.samples;

/** A samples request that cannot be served; carries the HTTP status and StreamKit's plain-text message. */
public final class SampleException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public SampleException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
