package dev.streamkit.plugins;

/**
 * An upload or removal the catalog refuses, with a message for the caller and what kind of refusal it is;
 * nothing was changed in {@code deploy/}.
 */
public final class PluginRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Cause {
        /** The request itself is wrong: a missing or unsafe file name, not a {@code .jar}, too large. */
        BAD_REQUEST,
        /** The file is not an acceptable bundle: not a zip, no bundle manifest, entries escaping their folder. */
        INVALID_BUNDLE,
        /** No plugin of that kind (or file name) is deployed. */
        NOT_FOUND
    }

    private final Cause cause;

    public PluginRefusal(Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    /** StreamKit's refusal of an upload over {@code maxBytes}: {@code Plugin upload exceeds configured max body size (N bytes)}. */
    public static PluginRefusal tooLarge(long maxBytes) {
        return new PluginRefusal(Cause.BAD_REQUEST, "Plugin upload exceeds configured max body size (" + maxBytes + " bytes)");
    }

    /** What kind of refusal this is. */
    public Cause refusal() {
        return cause;
    }
}
