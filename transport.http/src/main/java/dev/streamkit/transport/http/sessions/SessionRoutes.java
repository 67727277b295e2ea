package dev.streamkit.transport.http.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.HttpStatusException;
import dev.streamkit.transport.http.api.JsonBody;
import dev.streamkit.transport.http.api.PipelineKinds;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.RoleQuotas;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's session routes: {@code POST/GET /api/v1/sessions}, {@code DELETE /api/v1/sessions/{id-or-name}}
 * and {@code GET /api/v1/sessions/{id-or-name}/pipeline}, with its status codes and plain-text errors.
 * RBAC (spec §9): creating needs {@code create_sessions} and allowed node kinds, and records the caller's
 * role as the session's creator; listing and pipelines need {@code list_sessions}, destroying
 * {@code destroy_sessions}; a role without {@code access_all_sessions} only lists and reaches its own sessions.
 */
public final class SessionRoutes {

    private static final String BASE = "/api/v1/sessions";
    /** The YAML cap plus room for the JSON envelope and escaping. */
    private static final int MAX_BODY_BYTES = 2 * PipelineCompiler.MAX_YAML_BYTES + 4096;

    private final Engine engine;
    private final RequestRoles roles;
    private final RoleQuotas quotas;

    public SessionRoutes(Engine engine, RequestRoles roles, RoleQuotas quotas) {
        this.engine = engine;
        this.quotas = quotas;
        this.roles = roles;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("POST", BASE, roles.guard(Permission.CREATE_SESSIONS, "create sessions", this::create))
                .route("GET", BASE, roles.guard(Permission.LIST_SESSIONS, "list sessions", this::list))
                .prefixRoute("DELETE", BASE + "/", roles.guard(Permission.DESTROY_SESSIONS, "destroy sessions", this::destroy))
                .prefixRoute("GET", BASE + "/", roles.guard(Permission.LIST_SESSIONS, "view pipelines", this::pipeline));
    }

    private void create(Role role, Request request, Response response, Callback callback)
            throws IOException, AccessDenied, HttpStatusException {
        JsonNode body = JsonBody.read(request, MAX_BODY_BYTES);
        if (!body.path("yaml").isTextual() || !(body.path("name").isMissingNode()
                || body.path("name").isNull() || body.path("name").isTextual())) {
            Responses.text(response, callback, 400, "Invalid JSON body: expected {\"name\"?: string, \"yaml\": string}");
            return;
        }
        String name = body.path("name").isTextual() ? body.path("name").asText() : null;
        Pipeline pipeline;
        try {
            pipeline = engine.compile(body.path("yaml").asText());
        } catch (PipelineException e) {
            String prefix = e.kind() == PipelineException.Kind.YAML ? "Invalid YAML: " : "Invalid pipeline: ";
            Responses.text(response, callback, e.status(), prefix + e.getMessage());
            return;
        }
        PipelineKinds.require(role, pipeline);
        try {
            SessionInfo info = quotas.createSession(role, () -> engine.sessions().create(name, pipeline, role.name())).info();
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("session_id", info.id());
            created.put("name", info.name());
            created.put("created_at", info.createdAt().toString());
            Responses.json(response, callback, created);
        } catch (PipelineException e) {
            String prefix = e.kind() == PipelineException.Kind.CONFLICT ? "Failed to create session: " : "";
            Responses.text(response, callback, e.status(), prefix + e.getMessage());
        }
    }

    private void list(Role role, Request request, Response response, Callback callback) {
        Responses.json(response, callback, SessionListJson.of(SessionListJson.visibleTo(role, engine.sessions().list())));
    }

    private void destroy(Role role, Request request, Response response, Callback callback) throws AccessDenied {
        String key = rest(request);
        if (key.contains("/")) {
            Responses.text(response, callback, 404, "Not Found");
            return;
        }
        Optional<Session> session = engine.sessions().find(decode(key));
        if (session.isPresent()) role.requireAccess(session.get().info().createdBy());
        Optional<SessionInfo> destroyed = session.flatMap(found -> engine.sessions().destroy(found.info().id()));
        if (destroyed.isEmpty()) {
            Responses.text(response, callback, 404, "Session '" + decode(key) + "' not found");
        } else {
            Responses.json(response, callback, Map.of("session_id", destroyed.get().id()));
        }
    }

    private void pipeline(Role role, Request request, Response response, Callback callback) throws AccessDenied {
        String rest = rest(request);
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(slash).equals("/pipeline")) {
            Responses.text(response, callback, 404, "Not Found");
            return;
        }
        String key = decode(rest.substring(0, slash));
        Optional<Session> session = engine.sessions().find(key);
        if (session.isEmpty()) {
            Responses.text(response, callback, 404, "Session '" + key + "' not found");
        } else {
            role.requireAccess(session.get().info().createdBy());
            Responses.json(response, callback, PipelineJson.of(session.get().pipeline(), session.get().nodeStates()));
        }
    }

    private static String rest(Request request) {
        return ApiHandler.pathOf(request).substring(BASE.length() + 1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
