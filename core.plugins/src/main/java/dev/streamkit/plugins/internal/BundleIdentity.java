package dev.streamkit.plugins.internal;

import org.osgi.framework.Version;

/**
 * What a bundle jar's manifest says it is.
 *
 * @param symbolicName {@code Bundle-SymbolicName} without its directives
 * @param version      {@code Bundle-Version} ({@code 0.0.0} when absent)
 */
public record BundleIdentity(String symbolicName, Version version) {
}
