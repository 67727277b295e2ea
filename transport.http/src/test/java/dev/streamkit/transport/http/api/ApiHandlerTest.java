package dev.streamkit.transport.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing, base path mirroring, origin guard and security headers on a real Jetty server. */
class ApiHandlerTest {

    private Server server;
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        ApiHandler handler = new ApiHandler("/s/test/", new OriginPolicy(List.of("http://localhost:*")))
                .route("GET", "/api/v1/config", (request, response, callback) -> Responses.json(response, callback, Map.of()))
                .route("POST", "/api/v1/thing", (request, response, callback) -> Responses.text(response, callback, 201, "made"))
                .prefixRoute("GET", "/api/v1/things/", (request, response, callback) ->
                        Responses.text(response, callback, 200, ApiHandler.pathOf(request)));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path, String origin) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) builder.header("Origin", origin);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesRoutesAtRootAndUnderBasePathWithSecurityHeaders() throws Exception {
        for (String path : List.of("/api/v1/config", "/s/test/api/v1/config")) {
            HttpResponse<String> response = send("GET", path, null);
            assertEquals(200, response.statusCode(), path);
            assertEquals("{}", response.body());
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
        }
    }

    @Test
    void answersUnknownPathsAndMethodsInPlainText() throws Exception {
        assertEquals(404, send("GET", "/api/v1/nothing", null).statusCode());
        assertEquals(405, send("DELETE", "/api/v1/config", null).statusCode());
    }

    @Test
    void refusesMutationsFromForeignOrigins() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/v1/thing", "https://evil.invalid");
        assertEquals(403, refused.statusCode());
        assertEquals("Origin not allowed (configure [server.cors].allowed_origins)", refused.body());
        assertEquals(201, send("POST", "/api/v1/thing", "http://localhost:3000").statusCode());
        assertEquals(201, send("POST", "/api/v1/thing", null).statusCode());
        assertEquals(200, send("GET", "/api/v1/config", "https://evil.invalid").statusCode());
    }

    @Test
    void prefixRoutesSeeThePathWithoutTheBasePath() throws Exception {
        for (String path : List.of("/api/v1/things/a/b", "/s/test/api/v1/things/a/b")) {
            HttpResponse<String> response = send("GET", path, null);
            assertEquals(200, response.statusCode(), path);
            assertEquals("/api/v1/things/a/b", response.body());
        }
        assertEquals(404, send("GET", "/api/v1/things/", null).statusCode());
        assertEquals(405, send("DELETE", "/api/v1/things/a", null).statusCode());
    }
}
