package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's interop acceptance: the official MoQ browser clients ({@code @moq/lite} 0.2.2 for the session,
 * {@code @moq/hang} 0.3.5 for the container) in headless Chromium publish an Opus tone (WebCodecs) to a
 * {@code transport::moq::peer} session running decode → gain → encode, watch its output broadcast, and tune the
 * gain to 2.0 over the WebSocket control API half-way through. The frames received match the elapsed time
 * within 10 %, and the decoded level rises by 6 dB.
 */
class MoqBrowserInteropTest {

    private static final int SECONDS = 10;
    private static final int TUNE_AT = 5;
    private static final String PIPELINE = """
            mode: dynamic
            nodes:
              moq_peer:
                kind: transport::moq::peer
                params:
                  gateway_path: /moq/probe
                  input_broadcasts: [input]
                  output_broadcast: output
                  allow_reconnect: true
                needs: opus_encoder
              opus_decoder:
                kind: audio::opus::decoder
                needs: moq_peer
              gain:
                kind: audio::gain
                params:
                  gain: 1.0
                needs: opus_decoder
              opus_encoder:
                kind: audio::opus::encoder
                needs: gain
            """;

    @TempDir
    Path work;

    @Test
    void officialBrowserClientPublishesAndWatchesThroughAGainSession() throws Exception {
        Path page = MoqBrowserProbe.pageDirectory();
        try (SkitServer server = SkitServer.start(work, "ui_dir = \"" + page + "\"\n")) {
            HttpResponse<String> created = server.send("POST", "/api/v1/sessions",
                    ControlClient.JSON.writeValueAsString(Map.of("name", "moq-probe", "yaml", PIPELINE)));
            assertEquals(200, created.statusCode(), created.body());
            String session = ControlClient.JSON.readTree(created.body()).get("session_id").asText();

            JsonNode result = MoqBrowserProbe.run(server.uri("/index.html?path=/moq/probe&seconds=" + SECONDS
                    + "&session=" + session + "&node=gain&gain=2&tuneAt=" + TUNE_AT).toString(), Duration.ofSeconds(60));

            String serverLog = tail(server);
            assertEquals(0, result.get("errors").size(), () -> "probe errors: " + result + "\nserver log:\n" + serverLog);
            double elapsedSeconds = result.get("elapsedMs").asDouble() / 1000;
            // Every 20 ms Opus frame the page published should come back, bar the pipeline's latency.
            double expectedFrames = SECONDS * 50.0;
            int received = result.get("received").asInt();
            assertTrue(Math.abs(received - expectedFrames) <= expectedFrames * 0.10,
                    () -> "received " + received + " frames for " + SECONDS + " s published (" + elapsedSeconds + " s elapsed): " + result);

            List<Double> levels = new ArrayList<>();
            result.get("levels").forEach(level -> levels.add(level.isNull() ? Double.NaN : level.asDouble()));
            double before = average(levels, 2, TUNE_AT);
            double after = average(levels, TUNE_AT + 2, SECONDS);
            System.out.printf("MoqBrowserInteropTest: %s, %d published, %d received in %.1f s, level %+.2f dB after tuning%n",
                    result.get("version").asText(), result.get("published").asInt(), received, elapsedSeconds, after - before);
            assertEquals(6.02, after - before, 1.0, () -> "levels per second (dB): " + levels);
        }
    }

    private static double average(List<Double> levels, int from, int to) {
        return levels.subList(Math.min(from, levels.size()), Math.min(to, levels.size())).stream()
                .filter(level -> !level.isNaN()).mapToDouble(Double::doubleValue).average()
                .orElseThrow(() -> new AssertionError("no decoded level in seconds " + from + ".." + to + ": " + levels));
    }

    private static String tail(SkitServer server) throws Exception {
        String log = server.log();
        return log.substring(Math.max(0, log.length() - 4000));
    }
}
