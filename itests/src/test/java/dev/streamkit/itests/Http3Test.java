package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tech.kwik.flupke.Http3Client;

/**
 * {@code [server].http3_address}: the runtime answers the same routes over HTTP/3 (QUIC on UDP, Jetty + native
 * quiche inside OSGi, self-signed certificate) — checked with a real HTTP/3 client (flupke, pure Java) — and,
 * when unset, loads no native code at all.
 */
class Http3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The HTTP/3 connector starts after the TCP one (certificate generation, native load). */
    private static final Duration HTTP3_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path workDir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void servesHealthzOverHttp3() throws Exception {
        int udpPort = freeUdpPort();
        try (SkitServer server = SkitServer.start(workDir, "http3_address = \"127.0.0.1:" + udpPort + "\"\n")) {
            HttpResponse<String> response = http3Get(URI.create("https://127.0.0.1:" + udpPort + "/healthz"), server);

            assertEquals(200, response.statusCode());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("ok", body.get("status").asText());
            assertEquals("0.1.0", body.get("version").asText());
            assertEquals(Optional.of("application/json"), response.headers().firstValue("content-type").map(v -> v.split(";")[0]));
            // flupke speaks nothing but HTTP/3 over QUIC, and the port is the UDP-only http3_address, so this
            // response type is the protocol proof (flupke's version() is null: java.net.http has no HTTP_3).
            assertEquals("tech.kwik.flupke.impl.Http3Response", response.getClass().getName());
            assertTrue(server.log().contains("127.0.0.1:" + udpPort + " (HTTP/3, UDP)"), server.log());
            // Self-signed certificate generated into the data folder, reused on the next start.
            assertTrue(Files.isRegularFile(workDir.resolve("data/http3/self-signed.p12")));
            assertTrue(nativeLibrariesOf(server).stream().anyMatch(Http3Test::isJnaLibrary),
                    "HTTP/3 should have loaded quiche through JNA");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutHttp3AddressNoNativeCodeIsLoaded() throws Exception {
        try (SkitServer server = SkitServer.start(workDir, "")) {
            assertEquals(200, server.get("/healthz").statusCode());
            List<String> libraries = nativeLibrariesOf(server);
            assertFalse(libraries.stream().anyMatch(Http3Test::isJnaLibrary), libraries.toString());
            assertFalse(server.log().contains("HTTP/3"), server.log());
            assertFalse(Files.exists(workDir.resolve("data/http3")));
        }
    }

    /** GETs {@code uri} over HTTP/3, retrying until the connector is up; each attempt is bounded. */
    private static HttpResponse<String> http3Get(URI uri, SkitServer server) throws Exception {
        long deadline = System.nanoTime() + HTTP3_READY_TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "http3-test-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                if (!server.isAlive()) throw new IllegalStateException("skit exited:\n" + server.log());
                // A fresh client per attempt: flupke keeps its connection, and a failed handshake poisons it.
                HttpClient client = Http3Client.newBuilder().disableCertificateCheck().connectTimeout(REQUEST_TIMEOUT).build();
                Future<HttpResponse<String>> attempt = executor.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString()));
                try {
                    return attempt.get(REQUEST_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                    attempt.cancel(true);
                    last = e;
                    Thread.sleep(200);
                }
            }
            throw new AssertionError("no HTTP/3 response from " + uri + " within " + HTTP3_READY_TIMEOUT
                    + "\nserver log:\n" + server.log(), last);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Shared objects mapped by the server process (Linux {@code /proc}); skips the test elsewhere. */
    private static List<String> nativeLibrariesOf(SkitServer server) throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc/<pid>/maps (Linux)");
        String marker = "-Dskit.data=" + server.workDir.resolve("data");
        ProcessHandle process = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("server process not found"));
        try (var lines = Files.lines(Path.of("/proc", Long.toString(process.pid()), "maps"))) {
            return lines.map(line -> line.split("\\s+", 6)).filter(f -> f.length == 6)
                    .map(f -> f[5]).distinct().toList();
        }
    }

    /** JNA extracts its dispatcher and quiche into {@code .../JNA/temp/jna*.tmp} and maps them from there. */
    private static boolean isJnaLibrary(String mapped) {
        String name = mapped.toLowerCase(Locale.ROOT);
        return name.contains("jna") || name.contains("quiche");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
