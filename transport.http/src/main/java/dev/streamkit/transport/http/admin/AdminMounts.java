package dev.streamkit.transport.http.admin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;

/**
 * The handlers other bundles mount on the server's port for administrators only, each under a path (the
 * Felix Web Console under {@code /system/console}). Bundles publish them as Jetty {@link Handler} services
 * with the service property {@value #PATH_PROPERTY}; the handler is started by its bundle and gets every
 * request for that path and below, after {@link AdminGate} let it through. Thread-safe: mounts come and go
 * while requests are served.
 */
public final class AdminMounts {

    /** The service property of a mounted {@link Handler}: the path it serves, e.g. {@code /system/console}. */
    public static final String PATH_PROPERTY = "streamkit.http.admin_path";

    private final Map<String, Handler> byPath = new ConcurrentHashMap<>();

    /**
     * Mounts {@code handler} at {@code path} (leading slash, no trailing one), replacing what was there.
     *
     * @throws IllegalArgumentException when {@code path} is not such a path
     */
    public void mount(String path, Handler handler) {
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException(PATH_PROPERTY + " must be a path like /system/console, got " + path);
        }
        byPath.put(path, handler);
    }

    /** Removes {@code handler} from {@code path}, unless another handler replaced it there since. */
    public void unmount(String path, Handler handler) {
        if (path != null) byPath.remove(path, handler);
    }

    /** Whether a mounted handler serves {@code requestPath} (its path itself or below it). */
    public boolean serves(String requestPath) {
        return find(requestPath) != null;
    }

    /** The mount serving {@code requestPath} (the path itself or below it), or {@code null}. */
    Mount find(String requestPath) {
        for (Map.Entry<String, Handler> entry : byPath.entrySet()) {
            String path = entry.getKey();
            if (requestPath.equals(path) || requestPath.startsWith(path + "/")) return new Mount(path, entry.getValue());
        }
        return null;
    }

    /** A mounted handler and the path it is mounted at. */
    record Mount(String path, Handler handler) {
    }
}
