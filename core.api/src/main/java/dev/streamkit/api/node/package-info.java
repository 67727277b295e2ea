/**
 * The node service contract: factories, nodes, pins, parameters, states and control messages.
 *
 * <p>Type roles (semantic versioning): plugins implement {@link dev.streamkit.api.node.NodeFactory} and
 * {@link dev.streamkit.api.node.Node} ({@code @ConsumerType}: a method without a default added to them is a
 * major change); the engine implements {@link dev.streamkit.api.node.Outputs},
 * {@link dev.streamkit.api.node.NodeContext} and {@link dev.streamkit.api.node.ControlMessage}
 * ({@code @ProviderType}: they may gain methods in a minor release, so a plugin calls them and never
 * implements them). Records, enums and final classes are values: plugins use them and cannot subclass them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package dev.streamkit.api.node;
