package dev.streamkit.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The plugins of the {@code deploy/} folder: the bundles FileInstall installed from it (not the runtime's
 * own) and the jars it could not install. Uploads take the same way as a dropped file: they are written
 * outside the folder, checked, then moved in atomically, and FileInstall installs them (or, for a bundle
 * already installed from another file, updates that one, so that running nodes move to the new revision).
 * Thread-safe; {@link #install} and {@link #remove} block until FileInstall has acted, within a bound.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PluginCatalog {

    /** Every deployed file: one entry per node kind it provides, or one for the file when it provides none. */
    List<PluginInfo> list();

    /**
     * Writes an upload to a staging folder and checks it: a {@code .jar} name, at most {@code maxBytes}
     * bytes, a zip archive with no entry that would escape its folder, and a bundle manifest
     * ({@code Bundle-ManifestVersion: 2}, {@code Bundle-SymbolicName}, a valid {@code Bundle-Version}).
     *
     * @throws PluginRefusal when a check fails; nothing is left behind
     */
    StagedPlugin stage(String fileName, InputStream content, long maxBytes) throws PluginRefusal, IOException;

    /**
     * Moves a staged upload into {@code deploy/} (onto the file of an installed bundle with the same symbolic
     * name, which is then updated live) and waits for FileInstall to install it.
     *
     * @return the entries of the installed file, at least one
     * @throws PluginRefusal when an older version would replace a newer one, or the name holds another bundle
     */
    List<PluginInfo> install(StagedPlugin staged) throws PluginRefusal, IOException;

    /**
     * Removes the plugin providing {@code kind} (or the deployed file of that name): deletes its file, so that
     * FileInstall uninstalls it, or, with {@code keepFile}, uninstalls the bundle and leaves the file (loaded
     * again at the next start or when the file changes).
     *
     * @return the entries it had
     * @throws PluginRefusal {@link PluginRefusal.Cause#NOT_FOUND} when nothing deployed matches
     */
    List<PluginInfo> remove(String kind, boolean keepFile) throws PluginRefusal, IOException;
}
