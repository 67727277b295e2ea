package dev.streamkit.transport.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.transport.http.sessions.PipelineJson;
import dev.streamkit.transport.http.sessions.SessionListJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The request actions of {@code /api/v1/control} (StreamKit §5.2): each takes the request payload and
 * returns the response payload, or {@code null} for {@code tunenodeasync} (no reply). RBAC does not exist
 * yet: every client acts as {@code admin}.
 */
final class ControlRequests {

    private static final List<String> PERMISSIONS = List.of("create_sessions", "destroy_sessions", "list_sessions",
            "modify_sessions", "tune_nodes", "load_plugins", "delete_plugins", "list_nodes", "list_samples",
            "read_samples", "write_samples", "delete_samples", "access_all_sessions", "upload_assets", "delete_assets");

    private final Engine engine;
    private final Supplier<List<Map<String, Object>>> nodeSchemas;

    ControlRequests(Engine engine, Supplier<List<Map<String, Object>>> nodeSchemas) {
        this.engine = engine;
        this.nodeSchemas = nodeSchemas;
    }

    /** Serves one request payload; {@code null} means "send nothing". */
    Map<String, Object> handle(JsonNode payload) throws ControlError {
        String action = payload.path("action").asText("");
        if (GraphRequests.handles(action)) return GraphRequests.handle(action, session(payload), payload);
        return switch (action) {
            case "createsession" -> createSession(payload);
            case "destroysession" -> destroySession(payload);
            case "listsessions" -> listSessions();
            case "listnodes" -> Map.of("action", "nodeslisted", "nodes", nodeSchemas.get());
            case "getpipeline" -> getPipeline(payload);
            case "getpermissions" -> permissions();
            case "tunenode" -> tune(payload);
            case "tunenodeasync" -> tuneAsync(payload);
            default -> throw new ControlError(action.isEmpty() ? "Invalid request: missing payload.action"
                    : "Unsupported action '" + action + "'");
        };
    }

    private Map<String, Object> createSession(JsonNode payload) throws ControlError {
        JsonNode name = payload.path("name");
        JsonNode yaml = payload.path("yaml");
        if (!yaml.isTextual()) {
            throw new ControlError("Pipeline is empty. Add some nodes before creating a session."
                    + " (createsession needs a 'yaml' pipeline here: empty sessions are not supported yet)");
        }
        try {
            Pipeline pipeline = engine.compile(yaml.asText());
            SessionInfo info = engine.sessions().create(name.isTextual() ? name.asText() : null, pipeline).info();
            Map<String, Object> response = Envelopes.action("sessioncreated");
            response.put("session_id", info.id());
            response.put("name", info.name());
            response.put("created_at", info.createdAt().toString());
            return response;
        } catch (PipelineException e) {
            throw new ControlError(e.getMessage());
        }
    }

    private Map<String, Object> destroySession(JsonNode payload) throws ControlError {
        String id = text(payload, "session_id");
        SessionInfo info = engine.sessions().destroy(id).orElseThrow(() -> notFound(id));
        Map<String, Object> response = Envelopes.action("sessiondestroyed");
        response.put("session_id", info.id());
        return response;
    }

    private Map<String, Object> listSessions() {
        Map<String, Object> response = Envelopes.action("sessionslisted");
        response.put("sessions", SessionListJson.of(engine.sessions().list()));
        return response;
    }

    private Map<String, Object> getPipeline(JsonNode payload) throws ControlError {
        Session session = session(payload);
        Map<String, Object> response = Envelopes.action("pipeline");
        response.put("pipeline", PipelineJson.of(session.pipeline(), session.nodeStates()));
        return response;
    }

    private static Map<String, Object> permissions() {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String name : PERMISSIONS) flags.put(name, true);
        Map<String, Object> response = Envelopes.action("permissions");
        response.put("role", "admin");
        response.put("permissions", flags);
        return response;
    }

    private Map<String, Object> tune(JsonNode payload) throws ControlError {
        Session session = session(payload);
        String nodeId = text(payload, "node_id");
        JsonNode message = payload.path("message");
        JsonNode update = message.path("UpdateParams");
        if (!update.isObject()) {
            throw new ControlError("Unsupported control message: only {\"UpdateParams\": {...}} can be sent to a node");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> params = Envelopes.JSON.convertValue(update, Map.class);
        try {
            session.tune(nodeId, params);
        } catch (PipelineException e) {
            throw new ControlError(e.getMessage());
        }
        return Envelopes.action("success");
    }

    private Map<String, Object> tuneAsync(JsonNode payload) {
        try {
            tune(payload);
        } catch (ControlError ignored) {
            // fire-and-forget: StreamKit drops errors silently
        }
        return null;
    }

    private Session session(JsonNode payload) throws ControlError {
        String id = text(payload, "session_id");
        Optional<Session> session = engine.sessions().find(id);
        return session.orElseThrow(() -> notFound(id));
    }

    private static String text(JsonNode payload, String field) throws ControlError {
        JsonNode value = payload.path(field);
        if (!value.isTextual()) throw new ControlError("Invalid request: missing string field '" + field + "'");
        return value.asText();
    }

    private static ControlError notFound(String id) {
        return new ControlError("Session '" + id + "' not found");
    }
}
