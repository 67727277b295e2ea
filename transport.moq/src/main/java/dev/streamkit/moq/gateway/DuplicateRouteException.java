package dev.streamkit.moq.gateway;

/** A path is already registered by another peer: two sessions cannot share a {@code gateway_path}. */
public final class DuplicateRouteException extends Exception {

    private static final long serialVersionUID = 1L;

    DuplicateRouteException(String path) {
        super("Path pattern '" + path + "' is already registered", null, false, false);
    }
}
