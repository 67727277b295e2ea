package dev.streamkit.plugins;

/**
 * An uploaded bundle written outside {@code deploy/} and checked, waiting for
 * {@link PluginCatalog#install}. Closing it deletes the staged file unless it was installed, so a refused or
 * abandoned upload leaves nothing behind.
 */
@org.osgi.annotation.versioning.ProviderType
public interface StagedPlugin extends AutoCloseable {

    /** The file name the upload asked for (sanitized). */
    String fileName();

    /** The bundle's symbolic name, from its manifest. */
    String symbolicName();

    /** The bundle's version, from its manifest. */
    String version();

    @Override
    void close();
}
