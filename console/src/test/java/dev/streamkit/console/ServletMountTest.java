package dev.streamkit.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A servlet mounted on a running Jetty server from outside its handler tree, behind a core handler the way
 * transport.http's admin gate routes to it: it is initialised at once, sees the whole path as its path info
 * and the attributes the core handler set, and is destroyed on close.
 */
class ServletMountTest {

    private final AtomicBoolean initialised = new AtomicBoolean();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private final HttpServlet servlet = new HttpServlet() {
        @Override
        public void init(ServletConfig config) {
            initialised.set(true);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain");
            response.getWriter().print("[" + request.getServletPath() + "][" + request.getPathInfo() + "]["
                    + request.getAttribute(RoleGateSecurityProvider.ROLE_ATTRIBUTE) + "]");
        }

        @Override
        public void destroy() {
            destroyed.set(true);
        }
    };
    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private ServletMount mount;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                request.setAttribute(RoleGateSecurityProvider.ROLE_ATTRIBUTE, "admin");
                return mount.handler().handle(request, response, callback);
            }
        });
        server.start();
        port = connector.getLocalPort();
        mount = ServletMount.start(server, "test", servlet);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void servletSeesTheWholePathAndTheGatesAttribute() throws Exception {
        assertTrue(initialised.get(), "servlet initialised when the mount starts");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/system/console/bundles")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("[][/system/console/bundles][admin]", response.body());
    }

    @Test
    void closeDestroysTheServlet() throws Exception {
        mount.close();
        assertTrue(destroyed.get());
    }
}
