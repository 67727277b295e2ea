package dev.streamkit.plugins;

/** Where a file of {@code deploy/} stands, from the framework's point of view. */
public enum PluginState {
    /** A jar that cannot be installed (not a bundle, a broken archive, a duplicate); the reason says why. */
    INVALID,
    /** A bundle jar that FileInstall has not installed yet. */
    PENDING,
    /** Installed but not resolved: usually a missing import, named by the reason. */
    INSTALLED,
    /** Resolved, not started. */
    RESOLVED,
    /** Starting or stopping right now. */
    CHANGING,
    /** Started; its components may still have failed (then the reason names them). */
    ACTIVE;

    /** The lower-case name used on the wire, e.g. {@code "active"}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
