package dev.streamkit.engine;

import dev.streamkit.api.node.NodeFactory;
import java.util.Objects;

/**
 * A node kind as the registry knows it: the factory and the bundle (symbolic name and version) that
 * provides it, shown by {@code /api/v1/schema/nodes}.
 */
public record RegisteredKind(NodeFactory factory, String bundle, String bundleVersion) {

    public RegisteredKind {
        Objects.requireNonNull(factory, "factory");
    }

    /** The kind name, from the factory's definition. */
    public String kind() {
        return factory.definition().kind();
    }
}
