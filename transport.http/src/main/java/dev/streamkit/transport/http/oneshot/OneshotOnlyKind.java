package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;

/**
 * Registers one of the request-bound HTTP kinds with the engine's registry, so that the schema lists it
 * and sessions read its {@code oneshotOnly} need and refuse it. A oneshot request brings its own factory
 * for the kind (see {@code ProcessRoute}), so this one never creates a node.
 */
abstract class OneshotOnlyKind implements NodeFactory {

    private final NodeDefinition definition;

    OneshotOnlyKind(NodeDefinition definition) {
        this.definition = definition;
    }

    @Override
    public NodeDefinition definition() {
        return definition;
    }

    @Override
    public Node create(Params params, NodeContext context) throws NodeException {
        throw NodeException.runtime("Node type '" + definition.kind() + "' exists only inside a oneshot request", null);
    }
}
