package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebM muxer's output, in live and file mode, is appended to a Media Source Extensions SourceBuffer
 * in a real browser (Debian's headless Chromium): accepted, and buffered for the whole duration.
 */
class WebmMediaSourceTest {

    private static final Pattern RESULT = Pattern.compile("<pre id=\"result\">([^<]*)</pre>");
    private static final Pattern BUFFERED_END = Pattern.compile("OK ranges=1 end=([0-9.]+)");

    @RegisterExtension
    static final RunningServer running = new RunningServer("");
    @TempDir
    Path dir;

    @Test
    void browserBuffersLiveAndFileModeWebm() throws Exception {
        Path ogg = dir.resolve("in.ogg");
        MediaTools.run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
                "-c:a", "libopus", "-b:a", "64k", ogg.toString());
        String sample = Files.readString(Path.of(System.getProperty("skit.samples"), "pipelines/oneshot/opus_to_webm.yml"));
        for (String mode : new String[] {"live", "file"}) {
            HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart()
                    .text("config", sample.replace("streaming_mode: live", "streaming_mode: " + mode))
                    .file("media", "in.ogg", "audio/ogg", Files.readAllBytes(ogg)));
            assertEquals(200, response.statusCode(), () -> new String(response.body()));
            String result = playInBrowser(response.body(), mode);
            Matcher buffered = BUFFERED_END.matcher(result);
            assertTrue(buffered.matches(), mode + " mode: " + result);
            assertEquals(3.0, Double.parseDouble(buffered.group(1)), 0.05, mode + " mode buffered seconds");
        }
    }

    /** Serves the MSE page and the WebM bytes on loopback, loads the page in Chromium, returns its verdict. */
    private String playInBrowser(byte[] webm, String mode) throws Exception {
        HttpServer pages = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] html;
        try (InputStream in = WebmMediaSourceTest.class.getResourceAsStream("/mse.html")) {
            html = in.readAllBytes();
        }
        pages.createContext("/mse.html", exchange -> respond(exchange, "text/html", html));
        pages.createContext("/audio.webm", exchange -> respond(exchange, "audio/webm", webm));
        pages.start();
        try {
            String dom = Chromium.dumpDom("http://127.0.0.1:" + pages.getAddress().getPort() + "/mse.html",
                    dir.resolve("profile-" + mode), 10_000);
            Matcher matcher = RESULT.matcher(dom);
            return matcher.find() ? matcher.group(1) : "no result in page: " + dom;
        } finally {
            pages.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body) throws java.io.IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
