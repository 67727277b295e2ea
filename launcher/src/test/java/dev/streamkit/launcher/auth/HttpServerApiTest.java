package dev.streamkit.launcher.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.streamkit.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HttpServerApi} against a loopback HTTP server standing in for skit. */
class HttpServerApiTest {

    @Test
    void postsWithTheBearerTokenUnderTheBasePath() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "Admin role required".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        try {
            ServerConfig config = new ServerConfig();
            config.server.address = "0.0.0.0:" + stub.getAddress().getPort();
            config.server.basePath = "skit/";
            HttpServerApi api = HttpServerApi.of(config);
            assertEquals("http://127.0.0.1:" + stub.getAddress().getPort() + "/skit", api.describe());
            ServerApi.Reply reply = api.post(AuthCli.TOKENS_ROUTE, "tok", "{\"role\":\"user\"}");
            assertEquals(403, reply.status());
            assertEquals("Admin role required", reply.body());
            assertEquals(List.of("POST /skit/api/v1/auth/tokens Bearer tok {\"role\":\"user\"}"), seen);
        } finally {
            stub.stop(0);
        }
    }

    @Test
    void aServerThatIsNotThereIsAnIOException() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpServerApi api = new HttpServerApi("http://127.0.0.1:" + port);
        assertThrows(IOException.class, () -> api.post(AuthCli.RELOAD_ROUTE, "tok", null));
    }

    @Test
    void wildcardAndIpv6BindsAreReachedOnLoopback() {
        ServerConfig config = new ServerConfig();
        config.server.address = "[::]:4545";
        config.server.tls = true;
        assertEquals("https://[::1]:4545", HttpServerApi.baseUrl(config));
    }
}
