package dev.streamkit.transport.http.api;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.packet.PacketType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamKit's {@code NodeDefinition} JSON ({@code kind, description, param_schema, inputs, outputs,
 * categories, bidirectional}), plus StreamKit/J's {@code provider}: the bundle and version serving the kind.
 */
public final class NodeSchemaJson {

    private NodeSchemaJson() {
    }

    public static Map<String, Object> of(NodeDefinition definition, String bundle, String version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", definition.kind());
        json.put("description", definition.description());
        json.put("param_schema", definition.params().toJsonSchema());
        json.put("inputs", definition.inputs().stream().map(NodeSchemaJson::input).toList());
        json.put("outputs", definition.outputs().stream().map(NodeSchemaJson::output).toList());
        json.put("categories", definition.categories());
        json.put("bidirectional", definition.bidirectional());
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("bundle", bundle);
        provider.put("version", version);
        json.put("provider", provider);
        return json;
    }

    private static Map<String, Object> input(InputPin pin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", pin.name());
        json.put("accepts_types", pin.acceptsTypes().stream().map(PacketType::toJson).toList());
        json.put("cardinality", pin.cardinality().toJson());
        return json;
    }

    private static Map<String, Object> output(OutputPin pin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", pin.name());
        json.put("produces_type", pin.producesType().toJson());
        json.put("cardinality", pin.cardinality().toJson());
        return json;
    }
}
