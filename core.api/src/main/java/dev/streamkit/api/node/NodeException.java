package dev.streamkit.api.node;

/**
 * A node could not be created or could not go on. The {@link Cause} tells the engine how to report it:
 * a bad parameter is the pipeline author's mistake (HTTP 400), bad media is the uploader's (HTTP 422),
 * anything else is a runtime failure (HTTP 500).
 */
public class NodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whose fault the failure is. */
    public enum Cause { INVALID_PARAMS, INVALID_MEDIA, RUNTIME }

    private final Cause cause;
    private final String field;

    public NodeException(Cause cause, String field, String message, Throwable origin) {
        super(message, origin);
        this.cause = cause;
        this.field = field;
    }

    /** A parameter value that passed the schema but is still unusable (e.g. a path outside the allowlist). */
    public static NodeException invalidParam(String field, String message) {
        return new NodeException(Cause.INVALID_PARAMS, field, message, null);
    }

    /** Input that cannot be processed (not the declared format, corrupt beyond recovery). */
    public static NodeException invalidMedia(String message) {
        return new NodeException(Cause.INVALID_MEDIA, null, message, null);
    }

    /** Any other failure. */
    public static NodeException runtime(String message, Throwable origin) {
        return new NodeException(Cause.RUNTIME, null, message, origin);
    }

    public Cause failureCause() {
        return cause;
    }

    /** The parameter at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
