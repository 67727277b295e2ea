package dev.streamkit.plugins;

import java.util.Objects;

/**
 * One entry of the plugin list: a node kind provided by a bundle of {@code deploy/}, or, for a file that
 * provides no kind (not a bundle, not resolved, nothing registered), the file itself.
 *
 * @param kind         the node kind, or the file name when the file provides no kind
 * @param fileName     the file's name in {@code deploy/}
 * @param bundle       the bundle's symbolic name, or {@code null} when the file is not a bundle
 * @param version      the bundle's version, or {@code null}
 * @param state        where the file stands
 * @param reason       what is wrong, or {@code null} when nothing is
 * @param loadedAtMs   when the bundle was installed or last updated (epoch ms); the file's time when not installed
 * @param providesKind whether {@code kind} is a node kind (false when it is the file name)
 */
public record PluginInfo(String kind, String fileName, String bundle, String version, PluginState state, String reason,
                         long loadedAtMs, boolean providesKind) {

    public PluginInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(state, "state");
    }

    /** Whether something is wrong with this entry. */
    public boolean hasProblem() {
        return reason != null;
    }
}
