package dev.streamkit.transport.http.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.security.BuiltInRoles;
import dev.streamkit.security.RoleResolver;
import dev.streamkit.transport.http.api.OriginPolicy;
import dev.streamkit.transport.http.api.RequestRoles;
import dev.streamkit.transport.http.api.Responses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin gate on a real Jetty server: who reaches a mounted handler, with which attribute, and what the rest gets. */
class AdminGateTest {

    private static final String PATH = "/system/console";

    private final AdminMounts mounts = new AdminMounts();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Handler mounted = new Handler.Abstract() {
        @Override
        public boolean handle(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
            Responses.text(response, callback, 200, "mounted as " + request.getAttribute(AdminGate.ROLE_ATTRIBUTE));
            return true;
        }
    };
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        RequestRoles roles = new RequestRoles(new RoleResolver(BuiltInRoles.all(), "user", "x-role", null));
        Handler next = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback) {
                Responses.text(response, callback, 200, "next");
                return true;
            }
        };
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new AdminGate(mounts, roles, new OriginPolicy(List.of("http://localhost:*")), next));
        server.start();
        port = connector.getLocalPort();
        mounts.mount(PATH, mounted);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void letsTheAdminRoleThroughNamingItInTheRequest() throws Exception {
        for (String path : List.of(PATH, PATH + "/bundles", PATH + "/res/ui/webconsole.css")) {
            HttpResponse<String> response = send("GET", path, Map.of("X-Role", "admin"));
            assertEquals(200, response.statusCode(), path);
            assertEquals("mounted as admin", response.body());
            assertEquals("SAMEORIGIN", response.headers().firstValue("X-Frame-Options").orElse(""));
        }
    }

    @Test
    void refusesEveryOtherRoleWithStreamKitsText() throws Exception {
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Role", "user"),
                Map.of("X-Role", "nobody"), Map.of("X-Role", "user", "Authorization", "Basic YWRtaW46YWRtaW4="))) {
            HttpResponse<String> response = send("GET", PATH + "/bundles", headers);
            assertEquals(403, response.statusCode(), headers.toString());
            assertEquals("Permission denied: cannot access /system/console", response.body());
        }
    }

    @Test
    void refusesAdminMutationsFromForeignOrigins() throws Exception {
        HttpResponse<String> refused = send("POST", PATH + "/bundles/install",
                Map.of("X-Role", "admin", "Origin", "https://evil.invalid"));
        assertEquals(403, refused.statusCode());
        assertEquals(OriginPolicy.REFUSAL, refused.body());
        assertEquals(200, send("POST", PATH + "/bundles/install", Map.of("X-Role", "admin", "Origin", "http://localhost:4545")).statusCode());
        assertEquals(200, send("POST", PATH + "/bundles/install", Map.of("X-Role", "admin")).statusCode());
    }

    @Test
    void passesOtherPathsOnAndForgetsUnmountedHandlers() throws Exception {
        assertEquals("next", send("GET", "/system/consoles", Map.of("X-Role", "admin")).body());
        assertEquals("next", send("GET", "/api/v1/config", Map.of()).body());
        mounts.unmount(PATH, mounted);
        assertEquals("next", send("GET", PATH, Map.of("X-Role", "admin")).body());
    }
}
