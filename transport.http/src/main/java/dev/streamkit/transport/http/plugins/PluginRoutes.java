package dev.streamkit.transport.http.plugins;

import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.plugins.PluginCatalog;
import dev.streamkit.plugins.PluginInfo;
import dev.streamkit.plugins.PluginRefusal;
import dev.streamkit.plugins.StagedPlugin;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.HttpStatusException;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.multipart.MultipartException;
import dev.streamkit.transport.http.multipart.MultipartPart;
import dev.streamkit.transport.http.multipart.MultipartReader;
import dev.streamkit.transport.http.oneshot.LimitedInputStream;
import dev.streamkit.transport.http.oneshot.RequestBodyTooLargeException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's plugin routes over the bundles of {@code deploy/} ({@link PluginCatalog}):
 * {@code GET /api/v1/plugins} (filtered by {@code allowed_plugins}), {@code POST /api/v1/plugins} (multipart
 * field {@code plugin}, at most {@code [server].max_body_size} bytes; 201 with the summary) and
 * {@code DELETE /api/v1/plugins/{kind}?keep_file=}. Uploads and deletions need
 * {@code [plugins].allow_http_management} (checked first, as StreamKit does) and {@code load_plugins} /
 * {@code delete_plugins}. Refusals: 400 for the request's shape and size, 422 for a file that is not an
 * acceptable bundle or a kind not loaded, each with its reason.
 */
public final class PluginRoutes {

    private static final String BASE = "/api/v1/plugins";
    /** Room for multipart headers and small fields around the file. */
    private static final long MULTIPART_SLACK_BYTES = 64 * 1024;

    private final PluginCatalog plugins;
    private final NodeRegistry registry;
    private final RequestRoles roles;
    private final boolean managementAllowed;
    private final long maxBytes;

    /**
     * @param managementAllowed {@code [plugins].allow_http_management}
     * @param maxBytes          the upload cap ({@code [server].max_body_size})
     */
    public PluginRoutes(PluginCatalog plugins, NodeRegistry registry, RequestRoles roles, boolean managementAllowed, long maxBytes) {
        this.plugins = plugins;
        this.registry = registry;
        this.roles = roles;
        this.managementAllowed = managementAllowed;
        this.maxBytes = maxBytes;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("GET", BASE, roles.guard(null, null, (role, q, r, c) -> Responses.json(r, c, visible(role))))
                .route("POST", BASE, roles.guard(null, null, this::upload))
                .prefixRoute("DELETE", BASE + "/", roles.guard(null, null, this::delete));
    }

    private List<Map<String, Object>> visible(Role role) {
        return plugins.list().stream().filter(plugin -> role.permissions().allowedPlugins().allows(plugin.kind()))
                .map(plugin -> PluginSummaryJson.of(plugin, registry)).toList();
    }

    private void upload(Role role, Request request, Response response, Callback callback) throws Exception {
        requireManagement("Plugin uploads are disabled by configuration. Set [plugins].allow_http_management = true to enable.");
        role.require(Permission.LOAD_PLUGINS, "load plugins");
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (boundary == null) throw new HttpStatusException(400, "Invalid `boundary` for `multipart/form-data` request");
        long bodyLimit = maxBytes + MULTIPART_SLACK_BYTES;
        if (request.getLength() > bodyLimit) {
            // The body is not read: close the connection rather than drain it.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            throw new HttpStatusException(400, PluginRefusal.tooLarge(maxBytes).getMessage());
        }
        MultipartReader multipart = new MultipartReader(new LimitedInputStream(Content.Source.asInputStream(request), bodyLimit), boundary);
        StagedPlugin staged = null;
        try {
            for (MultipartPart part = multipart.nextPart(); part != null; part = multipart.nextPart()) {
                if (!"plugin".equals(part.name())) continue;
                if (staged != null) throw new HttpStatusException(400, "Multiple 'plugin' fields provided");
                if (part.filename() == null) throw new HttpStatusException(400, "Uploaded plugin file must include a filename");
                staged = plugins.stage(part.filename(), part.body(), maxBytes);
            }
            if (staged == null) throw new HttpStatusException(400, "Missing 'plugin' file field");
            List<PluginInfo> installed = plugins.install(staged);
            for (PluginInfo plugin : installed) {
                if (!role.permissions().allowedPlugins().allows(plugin.kind())) {
                    plugins.remove(plugin.kind(), false);
                    throw AccessDenied.plugin(plugin.kind());
                }
            }
            Responses.json(response, callback, 201, PluginSummaryJson.of(installed.get(0), registry));
        } catch (PluginRefusal refusal) {
            throw new HttpStatusException(statusOf(refusal), refusal.getMessage());
        } catch (RequestBodyTooLargeException e) {
            throw new HttpStatusException(400, PluginRefusal.tooLarge(maxBytes).getMessage());
        } catch (MultipartException e) {
            throw new HttpStatusException(400, "Invalid multipart payload: " + e.getMessage());
        } finally {
            if (staged != null) staged.close();
        }
    }

    private void delete(Role role, Request request, Response response, Callback callback) throws Exception {
        requireManagement("Plugin deletion is disabled by configuration. Set [plugins].allow_http_management = true to enable.");
        role.require(Permission.DELETE_PLUGINS, "delete plugins");
        String kind = ApiHandler.pathOf(request).substring(BASE.length() + 1);
        String keep = Request.extractQueryParameters(request).getValue("keep_file");
        if (keep != null && !keep.equals("true") && !keep.equals("false")) {
            throw new HttpStatusException(400, "Invalid keep_file value '" + keep + "' (true or false)");
        }
        try {
            List<PluginInfo> removed = plugins.remove(kind, "true".equals(keep));
            PluginInfo summary = removed.stream().filter(plugin -> plugin.kind().equals(kind)).findFirst().orElse(removed.get(0));
            Responses.json(response, callback, PluginSummaryJson.of(summary, registry));
        } catch (PluginRefusal refusal) {
            throw new HttpStatusException(statusOf(refusal), refusal.getMessage());
        }
    }

    private void requireManagement(String refusal) throws HttpStatusException {
        if (!managementAllowed) throw new HttpStatusException(403, refusal);
    }

    private static int statusOf(PluginRefusal refusal) {
        return refusal.refusal() == PluginRefusal.Cause.BAD_REQUEST ? 400 : 422;
    }
}
