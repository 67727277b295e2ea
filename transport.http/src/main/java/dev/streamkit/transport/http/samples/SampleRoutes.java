package dev.streamkit.transport.http.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.Permissions;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.Route;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's samples routes (spec §4.1/§4.2): {@code GET /api/v1/samples/oneshot|dynamic},
 * {@code POST /api/v1/samples/oneshot} ({@code SavePipelineRequest}) and
 * {@code GET|DELETE /api/v1/samples/oneshot/{id}} (the id's slash may be percent-encoded).
 */
public final class SampleRoutes {

    private static final String BASE = "/api/v1/samples";
    /** The YAML cap plus room for the JSON envelope and escaping. */
    private static final int MAX_BODY_BYTES = 2 * SampleStore.MAX_YAML_BYTES + 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SampleStore store;
    private final Permissions permissions;

    public SampleRoutes(SampleStore store, Permissions permissions) {
        this.store = store;
        this.permissions = permissions;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("GET", BASE + "/oneshot", guarded("list_samples", (q, r, c) -> Responses.json(r, c, store.list("oneshot"))))
                .route("GET", BASE + "/dynamic", guarded("list_samples", (q, r, c) -> Responses.json(r, c, store.list("dynamic"))))
                .route("POST", BASE + "/oneshot", guarded("write_samples", this::save))
                .prefixRoute("GET", BASE + "/oneshot/", guarded("read_samples", this::get))
                .prefixRoute("DELETE", BASE + "/oneshot/", guarded("delete_samples", this::delete));
    }

    private Route guarded(String permission, Route route) {
        return (request, response, callback) -> {
            if (!permissions.allows(request, permission)) {
                Responses.text(response, callback, 403, "Permission denied: " + permission);
                return;
            }
            try {
                route.handle(request, response, callback);
            } catch (SampleException e) {
                Responses.text(response, callback, e.status(), e.getMessage());
            }
        };
    }

    private void get(Request request, Response response, Callback callback) throws Exception {
        String id = id(request);
        Optional<SamplePipeline> sample = store.find(id);
        if (sample.isEmpty()) {
            Responses.text(response, callback, 404, "Sample '" + id + "' not found");
        } else {
            Responses.json(response, callback, sample.get());
        }
    }

    private void delete(Request request, Response response, Callback callback) throws Exception {
        store.delete(id(request));
        response.setStatus(204);
        callback.succeeded();
    }

    private void save(Request request, Response response, Callback callback) throws Exception {
        JsonNode body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new SampleException(413, "Request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SampleException(400, "Invalid JSON body: " + e.getOriginalMessage());
        }
        if (body == null || !body.path("name").isTextual() || !body.path("yaml").isTextual()) {
            throw new SampleException(400, "Invalid JSON body: expected {\"name\": string, \"description\": string, "
                    + "\"yaml\": string, \"overwrite\"?: bool, \"is_fragment\"?: bool}");
        }
        SamplePipeline saved = store.save(body.path("name").asText(), body.path("description").asText(""),
                body.path("yaml").asText(), body.path("overwrite").asBoolean(false),
                body.path("is_fragment").asBoolean(false));
        Responses.json(response, callback, 201, saved);
    }

    private static String id(Request request) throws SampleException {
        String rest = ApiHandler.pathOf(request).substring((BASE + "/oneshot/").length());
        try {
            return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SampleException(400, "Invalid sample id");
        }
    }
}
