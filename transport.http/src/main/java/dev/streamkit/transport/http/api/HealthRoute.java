package dev.streamkit.transport.http.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /healthz} and {@code /health}: {@code {"status":"ok","version":"0.1.0"}}. */
public final class HealthRoute implements Route {

    /** The StreamKit API version this server is compatible with. */
    public static final String API_VERSION = "0.1.0";

    /** Constant, so that health checks cost nothing and answer before any JSON library is loaded. */
    private static final byte[] BODY = ("{\"status\":\"ok\",\"version\":\"" + API_VERSION + "\"}")
            .getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(BODY), callback);
    }
}
