package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import java.util.function.Supplier;

/** A factory that exists for one request and hands out the node built around that request's streams. */
final class RequestNodeFactory implements NodeFactory {

    private final NodeDefinition definition;
    private final Supplier<Node> node;

    RequestNodeFactory(NodeDefinition definition, Supplier<Node> node) {
        this.definition = definition;
        this.node = node;
    }

    @Override
    public NodeDefinition definition() {
        return definition;
    }

    @Override
    public Node create(Params params, NodeContext context) {
        return node.get();
    }
}
