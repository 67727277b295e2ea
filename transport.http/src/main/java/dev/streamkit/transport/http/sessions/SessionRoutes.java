package dev.streamkit.transport.http.sessions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's session routes: {@code POST/GET /api/v1/sessions}, {@code DELETE /api/v1/sessions/{id-or-name}}
 * and {@code GET /api/v1/sessions/{id-or-name}/pipeline}, with its status codes and plain-text errors.
 */
public final class SessionRoutes {

    private static final String BASE = "/api/v1/sessions";
    /** The YAML cap plus room for the JSON envelope and escaping. */
    private static final int MAX_BODY_BYTES = 2 * PipelineCompiler.MAX_YAML_BYTES + 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;

    public SessionRoutes(Engine engine) {
        this.engine = engine;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("POST", BASE, this::create)
                .route("GET", BASE, this::list)
                .prefixRoute("DELETE", BASE + "/", this::destroy)
                .prefixRoute("GET", BASE + "/", this::pipeline);
    }

    private void create(Request request, Response response, Callback callback) throws IOException {
        JsonNode body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                Responses.text(response, callback, 413, "Request body is larger than " + MAX_BODY_BYTES + " bytes");
                return;
            }
            body = JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Responses.text(response, callback, 400, "Invalid JSON body: " + e.getOriginalMessage());
            return;
        }
        if (body == null || !body.path("yaml").isTextual() || !(body.path("name").isMissingNode()
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
        try {
            SessionInfo info = engine.sessions().create(name, pipeline).info();
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

    private void list(Request request, Response response, Callback callback) {
        Responses.json(response, callback, SessionListJson.of(engine.sessions().list()));
    }

    private void destroy(Request request, Response response, Callback callback) {
        String key = rest(request);
        if (key.contains("/")) {
            Responses.text(response, callback, 404, "Not Found");
            return;
        }
        Optional<SessionInfo> destroyed = engine.sessions().destroy(decode(key));
        if (destroyed.isEmpty()) {
            Responses.text(response, callback, 404, "Session '" + decode(key) + "' not found");
        } else {
            Responses.json(response, callback, Map.of("session_id", destroyed.get().id()));
        }
    }

    private void pipeline(Request request, Response response, Callback callback) {
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
