package dev.streamkit.transport.http.ui;

import dev.streamkit.transport.http.api.Responses;
import dev.streamkit.transport.http.api.Route;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a web UI from {@code [server].ui_dir} the way StreamKit serves its embedded single-page app: a file that
 * exists is served as it is; a path whose last segment has no extension (a client-side route) gets
 * {@code index.html} with {@code Cache-Control: no-cache}; anything else is 404. Only regular files inside the
 * directory are served (no {@code ..}, no symbolic links out of it), each at most {@value #MAX_FILE_BYTES} bytes.
 */
public final class StaticFiles implements Route {

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("wasm", "application/wasm"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;

    public StaticFiles(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    @Override
    public void handle(Request request, Response response, Callback callback) throws Exception {
        Path file = resolve(Request.getPathInContext(request));
        if (file == null) {
            Responses.text(response, callback, 404, "Not Found");
            return;
        }
        boolean spaFallback = file.getFileName().toString().equals("index.html");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPES.getOrDefault(extension(file), "application/octet-stream"));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, spaFallback ? "no-cache" : "public, max-age=300");
        response.setStatus(200);
        response.write(true, ByteBuffer.wrap(Files.readAllBytes(file)), callback);
    }

    /** The file to serve for {@code path}, or {@code null} when there is none. */
    Path resolve(String path) throws IOException {
        String relative = path.replaceAll("^/+", "");
        if (relative.contains("\\") || relative.contains("\0")) return null;
        Path requested = root.resolve(relative).normalize();
        if (!requested.startsWith(root)) return null;
        Path candidate = Files.isDirectory(requested, LinkOption.NOFOLLOW_LINKS) ? requested.resolve("index.html") : requested;
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && extension(requested).isEmpty()) {
            candidate = root.resolve("index.html");
        }
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) return null;
        if (!candidate.toRealPath().startsWith(root) || Files.size(candidate) > MAX_FILE_BYTES) return null;
        return candidate;
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
