package dev.streamkit.transport.http.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /healthz} and {@code /health}: {@code {"status":"ok","version":"0.1.0"}}. */
public final class HealthRoute implements Route {

    /** The StreamKit API version this server is compatible with. */
    public static final String API_VERSION = "0.1.0";

    @Override
    public void handle(Request request, Response response, Callback callback) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", API_VERSION);
        Responses.json(response, callback, body);
    }
}
