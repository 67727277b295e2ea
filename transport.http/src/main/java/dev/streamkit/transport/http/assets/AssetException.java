package dev.streamkit.transport.http.assets;

/** An assets request that cannot be served; carries the HTTP status and StreamKit's plain-text message. */
public final class AssetException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public AssetException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
