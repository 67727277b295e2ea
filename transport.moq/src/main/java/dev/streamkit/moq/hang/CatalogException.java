package dev.streamkit.moq.hang;

import java.io.IOException;

/** A {@code catalog.json} frame that is not valid JSON or not a hang catalog. */
public final class CatalogException extends IOException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
