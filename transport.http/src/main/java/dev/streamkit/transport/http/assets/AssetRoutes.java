package dev.streamkit.transport.http.assets;

import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.files.FileCaller;
import dev.streamkit.transport.http.files.FileOwners;
import dev.streamkit.transport.http.multipart.MultipartException;
import dev.streamkit.transport.http.multipart.MultipartPart;
import dev.streamkit.transport.http.multipart.MultipartReader;
import dev.streamkit.transport.http.oneshot.LimitedInputStream;
import dev.streamkit.transport.http.oneshot.RequestBodyTooLargeException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * StreamKit's audio asset routes: {@code GET /api/v1/assets/audio}, {@code POST /api/v1/assets/audio}
 * (multipart; the first field is the file and must carry a file name; an optional {@code license} field
 * follows; at most {@value #MAX_UPLOAD_BYTES} bytes) and {@code DELETE /api/v1/assets/audio/{id}}. Uploads
 * need {@code upload_assets}, deletes {@code delete_assets}; lists and deletes only see the assets the role's
 * {@code allowed_assets} match, and a role deletes only the assets it uploaded unless it has
 * {@code access_all_sessions} ({@link FileOwners}).
 */
public final class AssetRoutes {

    /** The upload body limit (100 MiB). */
    public static final long MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
    private static final String BASE = "/api/v1/assets/audio";

    private final AudioAssetStore store;
    private final RequestRoles roles;

    public AssetRoutes(AudioAssetStore store, RequestRoles roles) {
        this.store = store;
        this.roles = roles;
    }

    /** Registers the routes on {@code api}. */
    public void register(ApiHandler api) {
        api.route("GET", BASE, roles.guard(null, null, (role, q, r, c) ->
                        Responses.json(r, c, store.list(role.permissions().allowedAssets()::allows))))
                .route("POST", BASE, roles.guard(Permission.UPLOAD_ASSETS, "upload assets", this::upload))
                .prefixRoute("DELETE", BASE + "/", roles.guard(Permission.DELETE_ASSETS, "delete assets", this::delete));
    }

    private void upload(Role role, Request request, Response response, Callback callback) throws Exception {
        String boundary = MultipartReader.boundaryOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (boundary == null) throw new AssetException(400, "Invalid `boundary` for `multipart/form-data` request");
        if (request.getLength() > MAX_UPLOAD_BYTES) {
            if (request.getConnectionMetaData().getHttpVersion().getVersion() < 20) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            throw new AssetException(413, new RequestBodyTooLargeException(MAX_UPLOAD_BYTES).getMessage());
        }
        LimitedInputStream body = new LimitedInputStream(Content.Source.asInputStream(request), MAX_UPLOAD_BYTES);
        MultipartReader multipart = new MultipartReader(body, boundary);
        try {
            MultipartPart file = multipart.nextPart();
            if (file == null || file.filename() == null || file.filename().isBlank()) {
                throw new AssetException(400, "The first multipart field must be a file with a filename");
            }
            store.checkUpload(file.filename());
            AudioAsset saved = store.save(file.filename(), file.body(), FileCaller.of(role));
            String license = null;
            for (MultipartPart part = multipart.nextPart(); part != null; part = multipart.nextPart()) {
                if ("license".equals(part.name())) {
                    license = new String(part.body().readNBytes(AudioAssetStore.MAX_LICENSE_BYTES), StandardCharsets.UTF_8);
                }
            }
            Responses.json(response, callback, store.withLicense(saved, license));
        } catch (RequestBodyTooLargeException e) {
            throw new AssetException(413, e.getMessage());
        } catch (MultipartException e) {
            throw new AssetException(400, "Invalid multipart body: " + e.getMessage());
        }
    }

    private void delete(Role role, Request request, Response response, Callback callback) throws Exception {
        String rest = ApiHandler.pathOf(request).substring(BASE.length() + 1);
        String id;
        try {
            id = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AssetException(400, "Invalid asset id");
        }
        store.delete(id, role.permissions().allowedAssets()::allows, FileCaller.of(role));
        response.setStatus(204);
        callback.succeeded();
    }
}
