package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's headless Chromium opens a WebTransport session to the running server (UDP on the HTTP port),
 * pinning the self-signed certificate by the hash {@code /certificate.sha256} serves, and echoes a
 * bidirectional stream through an acceptor bundle deployed into the server. Also records what Chromium sends
 * for {@code new WebTransport(url, {protocols})} and whether it sees the server's choice.
 */
class WebTransportBrowserTest {

    private static final long PAGE_TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void chromiumEchoesThroughAnAcceptorOfTheServer() throws Exception {
        Path deploy = Files.createDirectories(dir.resolve("server/deploy"));
        Files.copy(EchoAcceptorBundle.build(dir.resolve("acceptor-build")), deploy.resolve("echo-acceptor.jar"));
        try (SkitServer server = SkitServer.start(dir.resolve("server"), "")) {
            String hash = awaitCertificateHash(server);
            HttpResponse<String> fingerprints = server.get("/api/v1/moq/fingerprints");
            JsonNode listed = new ObjectMapper().readTree(fingerprints.body()).path("fingerprints");
            assertEquals(hash, listed.path(0).asText(), fingerprints.body());

            Map<String, String> reports = runPage("https://127.0.0.1:" + server.port + EchoAcceptorBundle.PATH + "?q=a%20b", hash);
            assertEquals(null, reports.get("error"), () -> "page error; reports " + reports + "\n" + logOf(server));
            assertEquals("ping from chromium", reports.get("echo"), reports::toString);
            assertEquals("yes", reports.get("done"), reports::toString);
            // what Chromium offered, as our server parsed it, and the server's choice as Chromium reports it
            assertEquals("echo-test,moq-lite-03|q=a b", reports.get("offered"), reports::toString);
            assertEquals(EchoAcceptorBundle.PROTOCOL, reports.get("protocol"), reports::toString);
        }
    }

    private static String awaitCertificateHash(SkitServer server) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = server.get("/certificate.sha256");
            if (response.statusCode() == 200) {
                assertEquals("*", response.headers().firstValue("access-control-allow-origin").orElse(null));
                assertTrue(response.body().matches("[0-9a-f]{64}"), response.body());
                return response.body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/certificate.sha256 never answered 200:\n" + server.log());
    }

    /** Serves the page on a loopback HTTP server (a secure context), runs it in Chromium, returns its reports. */
    private Map<String, String> runPage(String target, String hash) throws Exception {
        String html;
        try (InputStream in = WebTransportBrowserTest.class.getResourceAsStream("/webtransport.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@URL@", target).replace("@HASH@", hash);
        }
        Map<String, String> reports = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(1);
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.createContext("/page.html", exchange -> respond(exchange, "text/html", html));
        pages.createContext("/report", exchange -> {
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            reports.put(query.getOrDefault("key", "?"), query.getOrDefault("value", ""));
            if (reports.containsKey("done") || reports.containsKey("error")) finished.countDown();
            respond(exchange, "text/plain", "ok");
        });
        pages.start();
        Process chromium = Chromium.open("http://127.0.0.1:" + pages.getAddress().getPort() + "/page.html", dir.resolve("profile"));
        try {
            finished.await(PAGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Map.copyOf(reports);
        } finally {
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) chromium.destroyForcibly();
            pages.stop(0);
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new ConcurrentHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String logOf(SkitServer server) {
        try {
            return server.log();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
