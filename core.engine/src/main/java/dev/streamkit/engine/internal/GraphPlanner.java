package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.PipelineException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a pipeline, or one node, before any node exists, in StreamKit's order: oneshot-only kinds (in
 * sessions), kinds exist, params fit their schema, declared path params pass the file policy, then the
 * {@link GraphRules} over the whole graph. Messages are StreamKit's.
 */
public final class GraphPlanner {

    private final Function<String, NodeFactory> factories;
    private final Function<String, List<String>> suggestions;
    private final GraphRules rules;
    private final FilePolicy files;

    /**
     * @param factories   kind → factory, or {@code null} when unknown
     * @param suggestions kind → close known kind names, for the unknown-kind message
     * @param mode        oneshot (linear, Passthrough must resolve) or session rules
     * @param files       the policy for params a kind declares as paths
     */
    public GraphPlanner(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions,
                        GraphRules.Mode mode, FilePolicy files) {
        this.factories = factories;
        this.suggestions = suggestions;
        this.rules = new GraphRules(mode);
        this.files = files;
    }

    /** The rules this planner applies to graphs. */
    public GraphRules rules() {
        return rules;
    }

    /** The checked nodes, by id in pipeline order. */
    public Map<String, PlannedNode> plan(Pipeline pipeline) throws PipelineException {
        for (PipelineNode node : pipeline.nodes().values()) {
            NodeFactory factory = factories.apply(node.kind());
            if (factory != null) checkAllowedHere(factory.definition());
        }
        Map<String, PlannedNode> planned = new LinkedHashMap<>();
        for (Map.Entry<String, PipelineNode> entry : pipeline.nodes().entrySet()) {
            planned.put(entry.getKey(), planNode(entry.getKey(), entry.getValue()));
        }
        rules.checkGraph(planned, pipeline.connections(), List.of());
        return planned;
    }

    /** Checks one node: its kind exists (else suggestions) and may run here, and its params fit the kind. */
    public PlannedNode planNode(String id, PipelineNode node) throws PipelineException {
        NodeFactory factory = factories.apply(node.kind());
        if (factory == null) {
            List<String> close = suggestions.apply(node.kind());
            throw configuration("Node type '" + node.kind() + "' not found in registry"
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close.stream().map(k -> "'" + k + "'").toList()) + "?)"));
        }
        NodeDefinition definition = factory.definition();
        checkAllowedHere(definition);
        ParamValidator.validate(id, node.kind(), node.params(), definition.params());
        PathParams.check(files, id, definition, node.params());
        Params params = Params.of(node.params());
        return new PlannedNode(id, node.kind(), factory, params, factory.inputs(params), factory.outputs(params));
    }

    private void checkAllowedHere(NodeDefinition definition) throws PipelineException {
        if (rules.mode() == GraphRules.Mode.SESSION && definition.oneshotOnly()) {
            throw configuration("Node type '" + definition.kind() + "' is oneshot-only and cannot be used in dynamic sessions");
        }
    }

    private static PipelineException configuration(String message) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, message);
    }
}
