package dev.streamkit.transport.http.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.JsonBody;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.files.FileCaller;
import dev.streamkit.transport.http.files.FileOwners;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's samples routes (spec §4.1/§4.2): {@code GET /api/v1/samples/oneshot|dynamic},
 * {@code POST /api/v1/samples/oneshot} ({@code SavePipelineRequest}) and
 * {@code GET|DELETE /api/v1/samples/oneshot/{id}} (the id's slash may be percent-encoded). Each needs its
 * permission ({@code list_samples}, {@code write_samples}, {@code read_samples}, {@code delete_samples}); lists,
 * reads and deletes only see the samples the role's {@code allowed_samples} match, and a role deletes or
 * overwrites only the samples it saved unless it has {@code access_all_sessions} ({@link FileOwners}).
 */
public final class SampleRoutes {

    private static final String BASE = "/api/v1/samples";
    /** The YAML cap plus room for the JSON envelope and escaping. */
    private static final int MAX_BODY_BYTES = 2 * SampleStore.MAX_YAML_BYTES + 4096;

    private final SampleStore store;
    private final RequestRoles roles;

    public SampleRoutes(SampleStore store, RequestRoles roles) {
        this.store = store;
        this.roles = roles;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("GET", BASE + "/oneshot", roles.guard(Permission.LIST_SAMPLES, "list samples", (role, q, r, c) ->
                        Responses.json(r, c, store.list("oneshot", role.permissions().allowedSamples()::allows))))
                .route("GET", BASE + "/dynamic", roles.guard(Permission.LIST_SAMPLES, "list samples", (role, q, r, c) ->
                        Responses.json(r, c, store.list("dynamic", role.permissions().allowedSamples()::allows))))
                .route("POST", BASE + "/oneshot", roles.guard(Permission.WRITE_SAMPLES, "write samples", this::save))
                .prefixRoute("GET", BASE + "/oneshot/", roles.guard(Permission.READ_SAMPLES, "read samples", this::get))
                .prefixRoute("DELETE", BASE + "/oneshot/", roles.guard(Permission.DELETE_SAMPLES, "delete samples", this::delete));
    }

    private void get(Role role, Request request, Response response, Callback callback) throws Exception {
        String id = id(request);
        Optional<SamplePipeline> sample = store.find(id, role.permissions().allowedSamples()::allows);
        if (sample.isEmpty()) {
            Responses.text(response, callback, 404, "Sample '" + id + "' not found");
        } else {
            Responses.json(response, callback, sample.get());
        }
    }

    private void delete(Role role, Request request, Response response, Callback callback) throws Exception {
        store.delete(id(request), role.permissions().allowedSamples()::allows, FileCaller.of(role));
        response.setStatus(204);
        callback.succeeded();
    }

    private void save(Role role, Request request, Response response, Callback callback) throws Exception {
        JsonNode body = JsonBody.read(request, MAX_BODY_BYTES);
        if (!body.path("name").isTextual() || !body.path("yaml").isTextual()) {
            throw new SampleException(400, "Invalid JSON body: expected {\"name\": string, \"description\": string, "
                    + "\"yaml\": string, \"overwrite\"?: bool, \"is_fragment\"?: bool}");
        }
        SamplePipeline saved = store.save(body.path("name").asText(), body.path("description").asText(""),
                body.path("yaml").asText(), body.path("overwrite").asBoolean(false),
                body.path("is_fragment").asBoolean(false), FileCaller.of(role));
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
