package dev.streamkit.transport.http.control;

/** A request that cannot be served: answered as {@code {"action":"error","message":...}}. */
final class ControlError extends Exception {

    ControlError(String message) {
        super(message, null, false, false);
    }
}
