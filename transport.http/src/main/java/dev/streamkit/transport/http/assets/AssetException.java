package dev.streamkit.transport.http.assets;

import dev.streamkit.transport.http.api.HttpStatusException;

/** An assets request that cannot be served; carries the HTTP status and StreamKit's plain-text message. */
public final class AssetException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    public AssetException(int status, String message) {
        super(status, message);
    }
}
