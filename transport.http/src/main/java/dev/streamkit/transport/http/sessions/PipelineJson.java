package dev.streamkit.transport.http.sessions;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StreamKit's {@code Pipeline} JSON for a session: {@code {name?, description?, mode, nodes: {id: {kind,
 * params, state}}, connections: [{from_node, from_pin, to_node, to_pin, mode?}]}}; a connection's
 * {@code mode} is omitted when reliable.
 */
public final class PipelineJson {

    private PipelineJson() {
    }

    /** The pipeline JSON with each node's {@code state} from {@code states}. */
    public static Map<String, Object> of(Pipeline pipeline, Map<String, NodeState> states) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (pipeline.name() != null) body.put("name", pipeline.name());
        if (pipeline.description() != null) body.put("description", pipeline.description());
        body.put("mode", pipeline.mode().wireName());
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, PipelineNode> entry : pipeline.nodes().entrySet()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("kind", entry.getValue().kind());
            node.put("params", entry.getValue().params());
            NodeState state = states.get(entry.getKey());
            node.put("state", state == null ? null : state.toJson());
            nodes.put(entry.getKey(), node);
        }
        body.put("nodes", nodes);
        List<Map<String, Object>> connections = new ArrayList<>();
        for (Connection c : pipeline.connections()) {
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("from_node", c.fromNode());
            connection.put("from_pin", c.fromPin());
            connection.put("to_node", c.toNode());
            connection.put("to_pin", c.toPin());
            if (c.mode() != ConnectionMode.RELIABLE) connection.put("mode", c.mode().wireName());
            connections.add(connection);
        }
        body.put("connections", connections);
        return body;
    }
}
