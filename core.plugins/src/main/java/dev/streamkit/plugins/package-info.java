/**
 * The plugin bundles of the {@code deploy/} folder as transports see them, without OSGi types: a
 * {@link dev.streamkit.plugins.PluginCatalog} lists each deployed file with the node kinds it provides, its
 * {@link dev.streamkit.plugins.PluginState} and, when something is wrong, the reason; it takes uploads
 * ({@link dev.streamkit.plugins.StagedPlugin}, checked before anything reaches {@code deploy/}) and removes
 * plugins. Refusals are {@link dev.streamkit.plugins.PluginRefusal}s that say why.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.plugins;
