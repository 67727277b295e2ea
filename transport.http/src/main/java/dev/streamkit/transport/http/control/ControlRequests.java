package dev.streamkit.transport.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.Engine;
import dev.streamkit.transport.http.api.RoleQuotas;
import dev.streamkit.engine.NodeCommand;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.NodeSchemaCatalog;
import dev.streamkit.transport.http.api.PermissionsJson;
import dev.streamkit.transport.http.api.PipelineKinds;
import dev.streamkit.transport.http.sessions.PipelineJson;
import dev.streamkit.transport.http.sessions.SessionListJson;
import java.util.Map;

/**
 * The request actions of {@code /api/v1/control} (StreamKit §5.2): each takes the connection's role and the
 * request payload and returns the response payload, or {@code null} for {@code tunenodeasync} (no reply).
 * Every action but {@code getpermissions} needs its permission; actions on a session also need the role to
 * own it (or {@code access_all_sessions}), checked after the session is found.
 */
final class ControlRequests {

    /** The {@code NodeControlMessage}s sent as plain strings. */
    private static final Map<String, NodeCommand> COMMANDS = Map.of("Start", NodeCommand.START, "Shutdown", NodeCommand.SHUTDOWN);

    private final Engine engine;
    private final NodeSchemaCatalog nodeSchemas;
    private final RoleQuotas quotas;

    ControlRequests(Engine engine, NodeSchemaCatalog nodeSchemas, RoleQuotas quotas) {
        this.engine = engine;
        this.quotas = quotas;
        this.nodeSchemas = nodeSchemas;
    }

    /** Serves one request payload for {@code role}; {@code null} means "send nothing". */
    Map<String, Object> handle(Role role, JsonNode payload) throws ControlError, AccessDenied {
        String action = payload.path("action").asText("");
        if (GraphRequests.handles(action)) {
            role.require(Permission.MODIFY_SESSIONS, "modify sessions");
            return GraphRequests.handle(action, role, session(role, payload), payload);
        }
        return switch (action) {
            case "createsession" -> createSession(role, payload);
            case "destroysession" -> destroySession(role, payload);
            case "listsessions" -> listSessions(role);
            case "listnodes" -> listNodes(role);
            case "getpipeline" -> getPipeline(role, payload);
            case "getpermissions" -> PermissionsJson.into(Envelopes.action("permissions"), role);
            case "tunenode" -> tune(role, payload);
            case "tunenodeasync" -> tuneAsync(role, payload);
            default -> throw new ControlError(action.isEmpty() ? "Invalid request: missing payload.action"
                    : "Unsupported action '" + action + "'");
        };
    }

    private Map<String, Object> createSession(Role role, JsonNode payload) throws ControlError, AccessDenied {
        role.require(Permission.CREATE_SESSIONS, "create sessions");
        JsonNode nameField = payload.path("name");
        String name = nameField.isTextual() ? nameField.asText() : null;
        JsonNode yaml = payload.path("yaml");
        if (!yaml.isMissingNode() && !yaml.isNull() && !yaml.isTextual()) {
            throw new ControlError("Invalid request: 'yaml' must be a string");
        }
        try {
            SessionInfo info;
            if (yaml.isTextual()) {
                Pipeline pipeline = engine.compile(yaml.asText());
                PipelineKinds.require(role, pipeline);
                info = quotas.createSession(role, () -> engine.sessions().create(name, pipeline, role.name())).info();
            } else { // StreamKit: nodes come by addnode
                info = quotas.createSession(role, () -> engine.sessions().createEmpty(name, role.name())).info();
            }
            Map<String, Object> response = Envelopes.action("sessioncreated");
            response.put("session_id", info.id());
            response.put("name", info.name());
            response.put("created_at", info.createdAt().toString());
            return response;
        } catch (PipelineException e) {
            throw new ControlError(e.getMessage());
        }
    }

    private Map<String, Object> destroySession(Role role, JsonNode payload) throws ControlError, AccessDenied {
        role.require(Permission.DESTROY_SESSIONS, "destroy sessions");
        String key = text(payload, "session_id");
        String id = session(role, payload).info().id();
        SessionInfo info = engine.sessions().destroy(id).orElseThrow(() -> notFound(key));
        Map<String, Object> response = Envelopes.action("sessiondestroyed");
        response.put("session_id", info.id());
        return response;
    }

    private Map<String, Object> listSessions(Role role) throws AccessDenied {
        role.require(Permission.LIST_SESSIONS, "list sessions");
        Map<String, Object> response = Envelopes.action("sessionslisted");
        response.put("sessions", SessionListJson.of(SessionListJson.visibleTo(role, engine.sessions().list())));
        return response;
    }

    private Map<String, Object> listNodes(Role role) throws AccessDenied {
        role.require(Permission.LIST_NODES, "list nodes");
        Map<String, Object> response = Envelopes.action("nodeslisted");
        response.put("nodes", nodeSchemas.visibleTo(role));
        return response;
    }

    private Map<String, Object> getPipeline(Role role, JsonNode payload) throws ControlError, AccessDenied {
        role.require(Permission.LIST_SESSIONS, "view pipelines");
        Session session = session(role, payload);
        Map<String, Object> response = Envelopes.action("pipeline");
        response.put("pipeline", PipelineJson.of(session.pipeline(), session.nodeStates()));
        return response;
    }

    /** {@code tunenode}: StreamKit's {@code NodeControlMessage}, {@code {"UpdateParams": {...}}}, {@code "Start"} or {@code "Shutdown"}. */
    private Map<String, Object> tune(Role role, JsonNode payload) throws ControlError, AccessDenied {
        role.require(Permission.TUNE_NODES, "tune nodes");
        Session session = session(role, payload);
        String nodeId = text(payload, "node_id");
        JsonNode message = payload.path("message");
        JsonNode update = message.path("UpdateParams");
        try {
            if (update.isObject()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = Envelopes.JSON.convertValue(update, Map.class);
                session.tune(nodeId, params);
            } else if (message.isTextual() && COMMANDS.containsKey(message.asText())) {
                session.control(nodeId, COMMANDS.get(message.asText()));
            } else {
                throw new ControlError("Unsupported control message: expected {\"UpdateParams\": {...}}, \"Start\" or \"Shutdown\"");
            }
        } catch (PipelineException e) {
            throw new ControlError(e.getMessage());
        }
        return Envelopes.action("success");
    }

    private Map<String, Object> tuneAsync(Role role, JsonNode payload) {
        try {
            tune(role, payload);
        } catch (ControlError | AccessDenied ignored) {
            // fire-and-forget: StreamKit drops errors, refusals included, silently
        }
        return null;
    }

    /** The session named by {@code session_id}, which {@code role} must be allowed to reach. */
    private Session session(Role role, JsonNode payload) throws ControlError, AccessDenied {
        String id = text(payload, "session_id");
        Session session = engine.sessions().find(id).orElseThrow(() -> notFound(id));
        role.requireAccess(session.info().createdBy());
        return session;
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
