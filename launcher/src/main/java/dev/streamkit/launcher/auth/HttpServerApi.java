package dev.streamkit.launcher.auth;

import dev.streamkit.config.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link ServerApi} over HTTP/1.1 to the server's {@code [server].address} (a wildcard bind is reached on
 * loopback) under its {@code base_path}, or to an explicit {@code --server} URL. Each request is bounded by
 * {@link #TIMEOUT}.
 */
final class HttpServerApi implements ServerApi {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

    HttpServerApi(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The API of the server {@code config} describes. */
    static HttpServerApi of(ServerConfig config) {
        return new HttpServerApi(baseUrl(config));
    }

    /** {@code http[s]://host:port[/base_path]} for {@code config}; {@code 0.0.0.0} and {@code [::]} become loopback. */
    static String baseUrl(ServerConfig config) {
        String address = config.server.address;
        if (address.startsWith("0.0.0.0:")) address = "127.0.0.1" + address.substring("0.0.0.0".length());
        if (address.startsWith("[::]:")) address = "[::1]" + address.substring("[::]".length());
        String basePath = config.server.basePath == null ? "" : config.server.basePath.trim();
        if (!basePath.isEmpty() && !basePath.startsWith("/")) basePath = "/" + basePath;
        if (basePath.endsWith("/")) basePath = basePath.substring(0, basePath.length() - 1);
        return (config.server.tls ? "https://" : "http://") + address + basePath;
    }

    @Override
    public Reply post(String path, String token, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String describe() {
        return baseUrl;
    }
}
