package dev.streamkit.moq.lite;

/** Releasing things whose failure has nothing to report (listener handles, streams already broken). */
final class Quietly {

    private Quietly() {
    }

    static void close(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // nothing to report: the handle was only a registration or an already broken stream
        }
    }
}
