package dev.streamkit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.EngineMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.internal.CycleCheck;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiles StreamKit pipeline YAML into a {@link Pipeline}, with StreamKit's rules and error texts:
 *
 * <ul>
 *   <li>{@code steps:} (linear; ids {@code step_N}, {@code out -> in}) or {@code nodes:} with {@code needs}
 *       (a string, {@code {node, mode}}, or a list of both; one dependency feeds {@code in}, several feed
 *       {@code in_0..in_N-1} in list order);</li>
 *   <li>{@code mode} defaults to dynamic; unknown keys are ignored;</li>
 *   <li>cycles are refused unless a node on the cycle has a bidirectional kind;</li>
 *   <li>in a non-dynamic pipeline, a node with several {@code needs} whose kind declares an input-count
 *       param ({@code audio::mixer}'s {@code num_inputs}) gets it set to their count when unset.</li>
 * </ul>
 * What a kind needs comes from its {@link NodeDefinition}, looked up when the YAML is compiled; an unknown
 * kind has no needs here (the planner refuses it later).
 * StreamKit/J adds the bounds of {@link PipelineYaml} (size, line and string length, nesting, no anchors or
 * aliases, no duplicate keys) and a cap on the number of nodes. Thread-safe.
 */
public final class PipelineCompiler {

    /** Largest YAML document accepted, in bytes. */
    public static final int MAX_YAML_BYTES = PipelineYaml.MAX_BYTES;
    /** Largest number of nodes in one pipeline. */
    public static final int MAX_NODES = 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final Function<String, NodeDefinition> definitions;

    /** A compiler that knows no kind's needs: no cycle is allowed, no input count is set. */
    public PipelineCompiler() {
        this(kind -> null);
    }

    /**
     * @param definitions kind → its definition ({@code null} when unknown): which kinds may close a cycle,
     *                    which count their inputs in a param
     */
    public PipelineCompiler(Function<String, NodeDefinition> definitions) {
        this.definitions = definitions;
    }

    /** Parses and compiles {@code text}. */
    public Pipeline compile(String text) throws PipelineException {
        JsonNode root = PipelineYaml.read(text);
        if (root == null || !root.isObject()) {
            throw yamlError("expected a mapping with 'steps' or 'nodes'");
        }
        EngineMode mode = parseMode(root.get("mode"));
        String name = optionalText(root, "name");
        String description = optionalText(root, "description");
        JsonNode steps = root.get("steps");
        JsonNode nodes = root.get("nodes");
        if (steps != null && steps.isArray()) {
            return compileSteps(name, description, mode, steps);
        }
        if (nodes != null && nodes.isObject()) {
            return compileNodes(name, description, mode, nodes);
        }
        throw yamlError("data did not match any variant: expected 'steps' (a list) or 'nodes' (a mapping)");
    }

    private Pipeline compileSteps(String name, String description, EngineMode mode, JsonNode steps)
            throws PipelineException {
        checkNodeCount(steps.size());
        Map<String, PipelineNode> nodes = new LinkedHashMap<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = "step_" + i;
            nodes.put(id, parseNode(id, steps.get(i)));
            if (i > 0) {
                connections.add(new Connection("step_" + (i - 1), "out", id, "in", ConnectionMode.RELIABLE));
            }
        }
        return new Pipeline(name, description, mode, nodes, connections);
    }

    private Pipeline compileNodes(String name, String description, EngineMode mode, JsonNode nodesNode)
            throws PipelineException {
        checkNodeCount(nodesNode.size());
        Map<String, PipelineNode> nodes = new LinkedHashMap<>();
        Map<String, List<Dependency>> needs = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = nodesNode.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String id = field.getKey();
            nodes.put(id, parseNode(id, field.getValue()));
            needs.put(id, parseNeeds(id, field.getValue().get("needs")));
        }
        for (Map.Entry<String, List<Dependency>> entry : needs.entrySet()) {
            for (Dependency dependency : entry.getValue()) {
                if (!nodes.containsKey(dependency.node())) {
                    throw new PipelineException(PipelineException.Kind.STRUCTURE, "Node '" + entry.getKey()
                            + "' references non-existent node '" + dependency.node() + "' in 'needs' field");
                }
            }
        }
        checkCycles(nodes, needs);

        List<Connection> connections = new ArrayList<>();
        for (Map.Entry<String, List<Dependency>> entry : needs.entrySet()) {
            List<Dependency> deps = entry.getValue();
            for (int i = 0; i < deps.size(); i++) {
                String toPin = deps.size() == 1 ? "in" : "in_" + i;
                connections.add(new Connection(deps.get(i).node(), "out", entry.getKey(), toPin, deps.get(i).mode()));
            }
        }
        if (mode != EngineMode.DYNAMIC) {
            injectInputCounts(nodes, needs);
        }
        return new Pipeline(name, description, mode, nodes, connections);
    }

    /** StreamKit's DFS over {@code needs} in declaration order ({@code Circular dependency detected: a -> b -> a}). */
    private void checkCycles(Map<String, PipelineNode> nodes, Map<String, List<Dependency>> needs) throws PipelineException {
        List<String> cycle = CycleCheck.firstCycle(nodes.keySet(),
                id -> needs.get(id).stream().map(Dependency::node).toList(),
                id -> {
                    NodeDefinition definition = definitions.apply(nodes.get(id).kind());
                    return definition != null && definition.bidirectional();
                });
        if (cycle != null) {
            throw new PipelineException(PipelineException.Kind.STRUCTURE, "Circular dependency detected: " + String.join(" -> ", cycle));
        }
    }

    private void injectInputCounts(Map<String, PipelineNode> nodes, Map<String, List<Dependency>> needs) {
        for (Map.Entry<String, PipelineNode> entry : nodes.entrySet()) {
            PipelineNode node = entry.getValue();
            int incoming = needs.get(entry.getKey()).size();
            NodeDefinition definition = incoming > 1 ? definitions.apply(node.kind()) : null;
            String param = definition == null ? null : definition.inputCountParam();
            if (param == null || (node.params() != null && node.params().get(param) != null)) continue;
            Map<String, Object> params = node.params() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(node.params());
            params.put(param, incoming);
            entry.setValue(new PipelineNode(node.kind(), params));
        }
    }

    private PipelineNode parseNode(String id, JsonNode node) throws PipelineException {
        if (node == null || !node.isObject()) {
            throw yamlError("node '" + id + "' must be a mapping with a 'kind'");
        }
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw yamlError("node '" + id + "': missing field `kind`");
        }
        JsonNode params = node.get("params");
        if (params == null || params.isNull()) {
            return new PipelineNode(kind.asText(), null);
        }
        if (!params.isObject()) {
            throw yamlError("node '" + id + "': 'params' must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.convertValue(params, Map.class);
        return new PipelineNode(kind.asText(), values);
    }

    private List<Dependency> parseNeeds(String id, JsonNode needs) throws PipelineException {
        List<Dependency> result = new ArrayList<>();
        if (needs == null || needs.isNull()) return result;
        if (needs.isArray()) {
            for (JsonNode item : needs) result.add(parseDependency(id, item));
        } else {
            result.add(parseDependency(id, needs));
        }
        for (int i = 0; i < result.size(); i++) {
            for (int j = i + 1; j < result.size(); j++) {
                if (result.get(i).node().equals(result.get(j).node())) {
                    throw new PipelineException(PipelineException.Kind.STRUCTURE,
                            "Node '" + id + "' lists '" + result.get(i).node() + "' more than once in 'needs' field");
                }
            }
        }
        return result;
    }

    private Dependency parseDependency(String id, JsonNode item) throws PipelineException {
        if (item.isTextual()) return new Dependency(item.asText(), ConnectionMode.RELIABLE);
        if (item.isObject() && item.get("node") != null && item.get("node").isTextual()) {
            JsonNode mode = item.get("mode");
            if (mode == null || mode.isNull()) return new Dependency(item.get("node").asText(), ConnectionMode.RELIABLE);
            return switch (mode.asText()) {
                case "reliable" -> new Dependency(item.get("node").asText(), ConnectionMode.RELIABLE);
                case "best_effort" -> new Dependency(item.get("node").asText(), ConnectionMode.BEST_EFFORT);
                default -> throw yamlError("node '" + id + "': unknown variant `" + mode.asText()
                        + "`, expected `reliable` or `best_effort`");
            };
        }
        throw yamlError("node '" + id + "': 'needs' entries must be a node id or {node, mode}");
    }

    private static EngineMode parseMode(JsonNode mode) throws PipelineException {
        if (mode == null || mode.isNull()) return EngineMode.DYNAMIC;
        return switch (mode.asText()) {
            case "oneshot" -> EngineMode.ONESHOT;
            case "dynamic" -> EngineMode.DYNAMIC;
            default -> throw yamlError("mode: unknown variant `" + mode.asText() + "`, expected `oneshot` or `dynamic`");
        };
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void checkNodeCount(int count) throws PipelineException {
        if (count > MAX_NODES) {
            throw new PipelineException(PipelineException.Kind.STRUCTURE,
                    "Pipeline has " + count + " nodes; the limit is " + MAX_NODES);
        }
    }

    private static PipelineException yamlError(String detail) {
        return new PipelineException(PipelineException.Kind.YAML, detail);
    }

    /** One entry of a node's {@code needs}. */
    record Dependency(String node, ConnectionMode mode) {
    }
}
