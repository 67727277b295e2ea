package dev.streamkit.transport.http.moq;

import dev.streamkit.quic.WebTransportEndpoint;
import dev.streamkit.transport.http.api.ApiHandler;
import dev.streamkit.transport.http.api.Responses;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The WebTransport endpoint's certificate hashes, public as in StreamKit: {@code GET /api/v1/moq/fingerprints}
 * ({@code {"fingerprints":["<hex>", ...]}}) and {@code GET /certificate.sha256} (the leaf's hex, plain text, with
 * {@code Access-Control-Allow-Origin: *} so that pages of any origin, like {@code @moq/lite} given an
 * {@code http:} URL, can pin it through {@code serverCertificateHashes}). Without a running endpoint both answer
 * 404 with a JSON error.
 */
public final class CertificateRoutes {

    static final String NOT_RUNNING = "WebTransport (MoQ) is not running on this server";

    private final Supplier<WebTransportEndpoint> endpoint;

    /** @param endpoint the running endpoint, or {@code null} while there is none */
    public CertificateRoutes(Supplier<WebTransportEndpoint> endpoint) {
        this.endpoint = endpoint;
    }

    public void register(ApiHandler api) {
        api.route("GET", "/api/v1/moq/fingerprints", this::fingerprints)
                .route("GET", "/certificate.sha256", this::leafHash);
    }

    private void fingerprints(Request request, Response response, Callback callback) {
        WebTransportEndpoint running = endpoint.get();
        if (running == null) {
            notRunning(response, callback);
            return;
        }
        Responses.json(response, callback, Map.of("fingerprints", running.certificateFingerprints()));
    }

    private void leafHash(Request request, Response response, Callback callback) {
        WebTransportEndpoint running = endpoint.get();
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (running == null || running.certificateFingerprints().isEmpty()) {
            notRunning(response, callback);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        byte[] body = running.certificateFingerprints().get(0).getBytes(StandardCharsets.US_ASCII);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void notRunning(Response response, Callback callback) {
        Responses.json(response, callback, 404, Map.of("error", NOT_RUNNING));
    }
}
