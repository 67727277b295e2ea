package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import java.util.function.Function;

/** Test factory: a fixed definition, and nodes made from the params by a function. */
record LambdaNodeFactory(NodeDefinition definition, Function<Params, Node> create) implements NodeFactory {

    @Override
    public Node create(Params params, NodeContext context) {
        return create.apply(params);
    }
}
