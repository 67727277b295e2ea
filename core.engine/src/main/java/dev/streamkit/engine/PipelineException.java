package dev.streamkit.engine;

/**
 * A pipeline was refused or failed. Carries the HTTP status StreamKit answers with and the plain-text
 * message it sends (without transport-specific prefixes such as {@code Invalid pipeline: }).
 */
public final class PipelineException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong, which decides the prefix and status a transport uses. */
    public enum Kind {
        /** The document is not valid YAML or not a pipeline shape (400). */
        YAML(400),
        /** The pipeline's structure is wrong: needs, cycles, node cap (400). */
        STRUCTURE(400),
        /** Kinds, params, pins or types do not fit (400). */
        CONFIGURATION(400),
        /** Too large (413). */
        TOO_LARGE(413),
        /** The media cannot be processed (422). */
        MEDIA(422),
        /** Conflicts with existing state, e.g. a taken session name (409). */
        CONFLICT(409),
        /** Too many concurrent requests (429). */
        BUSY(429),
        /** A node failed while running (500). */
        RUNTIME(500),
        /** The run exceeded its deadline (504). */
        TIMEOUT(504),
        /** The run was cancelled, e.g. because the client went away (499, never sent). */
        CANCELLED(499);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status for this kind. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public PipelineException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PipelineException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return kind.status();
    }
}
