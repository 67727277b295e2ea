package dev.streamkit.transport.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.PipelineKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph actions of {@code /api/v1/control} (StreamKit §5.2): {@code addnode}, {@code removenode},
 * {@code connect}, {@code disconnect}, {@code validatebatch}, {@code applybatch}. Unlike StreamKit, the
 * engine checks each operation before answering: a refused one answers {@code error} and changes nothing.
 * The caller has checked {@code modify_sessions} and session ownership; every node kind added, batches
 * included, must be allowed for the role.
 */
final class GraphRequests {

    private GraphRequests() {
    }

    /** Whether {@code action} is one of the graph actions served here. */
    static boolean handles(String action) {
        return switch (action) {
            case "addnode", "removenode", "connect", "disconnect", "validatebatch", "applybatch" -> true;
            default -> false;
        };
    }

    /** Serves a graph action of {@code role} on {@code session}. */
    static Map<String, Object> handle(String action, Role role, Session session, JsonNode payload)
            throws ControlError, AccessDenied {
        try {
            switch (action) {
                case "validatebatch" -> {
                    Map<String, Object> response = Envelopes.action("validationresult");
                    response.put("errors", session.validateBatch(allowed(role, operations(payload))));
                    return response;
                }
                case "applybatch" -> {
                    session.applyBatch(allowed(role, operations(payload)));
                    Map<String, Object> response = Envelopes.action("batchapplied");
                    response.put("success", true);
                    response.put("errors", List.of());
                    return response;
                }
                default -> {
                    GraphOperation op = allowed(role, List.of(operation(action, payload))).get(0);
                    if (op instanceof GraphOperation.AddNode add) {
                        session.addNode(add.nodeId(), add.kind(), add.params());
                    } else if (op instanceof GraphOperation.RemoveNode remove) {
                        session.removeNode(remove.nodeId());
                    } else if (op instanceof GraphOperation.Connect c) {
                        session.connect(c.fromNode(), c.fromPin(), c.toNode(), c.toPin(), c.mode());
                    } else if (op instanceof GraphOperation.Disconnect d) {
                        session.disconnect(d.fromNode(), d.fromPin(), d.toNode(), d.toPin());
                    }
                    return Envelopes.action("success");
                }
            }
        } catch (PipelineException e) {
            throw new ControlError(e.getMessage());
        }
    }

    /** Returns {@code operations} once every node kind they add is allowed for {@code role}. */
    private static List<GraphOperation> allowed(Role role, List<GraphOperation> operations) throws AccessDenied {
        for (GraphOperation op : operations) {
            if (op instanceof GraphOperation.AddNode add) PipelineKinds.require(role, add.kind());
        }
        return operations;
    }

    private static List<GraphOperation> operations(JsonNode payload) throws ControlError {
        JsonNode list = payload.path("operations");
        if (!list.isArray()) throw new ControlError("Invalid request: missing array field 'operations'");
        List<GraphOperation> operations = new ArrayList<>();
        for (JsonNode item : list) {
            String action = item.path("action").asText("");
            if (!action.equals("addnode") && !action.equals("removenode") && !action.equals("connect") && !action.equals("disconnect")) {
                throw new ControlError("Invalid request: batch operation " + operations.size()
                        + " has unknown action '" + action + "'");
            }
            operations.add(operation(action, item));
        }
        return operations;
    }

    /** One operation from a request payload or a batch item (both use the same field names). */
    @SuppressWarnings("unchecked")
    private static GraphOperation operation(String action, JsonNode p) throws ControlError {
        return switch (action) {
            case "addnode" -> {
                JsonNode params = p.path("params");
                if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
                    throw new ControlError("Invalid request: 'params' must be an object");
                }
                Map<String, Object> values = params.isObject() ? Envelopes.JSON.convertValue(params, Map.class) : null;
                yield new GraphOperation.AddNode(text(p, "node_id"), text(p, "kind"), values);
            }
            case "removenode" -> new GraphOperation.RemoveNode(text(p, "node_id"));
            case "connect" -> new GraphOperation.Connect(text(p, "from_node"), text(p, "from_pin"), text(p, "to_node"),
                    text(p, "to_pin"), mode(p));
            default -> new GraphOperation.Disconnect(text(p, "from_node"), text(p, "from_pin"), text(p, "to_node"),
                    text(p, "to_pin"));
        };
    }

    private static ConnectionMode mode(JsonNode p) throws ControlError {
        JsonNode mode = p.path("mode");
        if (mode.isMissingNode() || mode.isNull()) return ConnectionMode.RELIABLE;
        return switch (mode.asText()) {
            case "reliable" -> ConnectionMode.RELIABLE;
            case "best_effort" -> ConnectionMode.BEST_EFFORT;
            default -> throw new ControlError("Invalid request: mode must be 'reliable' or 'best_effort'");
        };
    }

    private static String text(JsonNode payload, String field) throws ControlError {
        JsonNode value = payload.path(field);
        if (!value.isTextual()) throw new ControlError("Invalid request: missing string field '" + field + "'");
        return value.asText();
    }
}
