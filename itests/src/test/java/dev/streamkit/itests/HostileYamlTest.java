package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile pipeline YAML over real HTTP against a server whose heap is capped at 384 MB: each case is
 * refused with a 400 naming what was wrong, soon, and the server stays healthy. Before the YAML limits,
 * one 1 MB string made the parser allocate about 1.9 GB, and 16 at once filled a 6 GB heap.
 */
class HostileYamlTest {

    private static final String HEAD = """
            mode: oneshot
            steps:
              - kind: streamkit::http_input
              - kind: audio::gain
                params:
            """;
    private static final String TAIL = "  - kind: streamkit::http_output\n";
    private static final int CONCURRENT = 16;
    /** An outer bound for answers that take milliseconds; it only keeps a broken server from hanging the build. */
    private static final long ANSWER_SECONDS = 10;

    @RegisterExtension
    static final RunningServer running = new RunningServer("", List.of("-Xmx384m"));

    @AfterEach
    void serverStaysHealthy() throws Exception {
        assertTrue(running.get().isAlive(), "server process died");
        assertEquals(200, running.get().get("/healthz").statusCode());
        assertFalse(running.get().log().contains("OutOfMemoryError"), "the server ran out of heap");
    }

    private static HttpResponse<byte[]> process(String yaml) throws Exception {
        return running.get().post("/api/v1/process", new Multipart().text("config", yaml)
                .file("media", "m.bin", "application/octet-stream", new byte[] {1}));
    }

    private static String refusal(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertEquals(400, response.statusCode(), body);
        return body;
    }

    @Test
    void sixteenConcurrentMegabyteStringsAreRefusedSoonWithinASmallHeap() throws Exception {
        String yaml = HEAD + "      gain: 1.0\n      note: " + "x".repeat(1_000_000) + "\n" + TAIL;
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) answers.add(clients.submit(() -> process(yaml)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ANSWER_SECONDS);
            for (Future<HttpResponse<byte[]>> answer : answers) {
                String body = refusal(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                assertEquals("Invalid YAML config format: line 7 is longer than 65536 characters", body);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aLargeMalformedDocumentIsRefusedSoon() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD + "      note: \"");
        String line = "y".repeat(60_000);
        while (yaml.length() + line.length() < 1_000_000) yaml.append(line).append('\n');
        long started = System.nanoTime();
        String body = refusal(process(yaml.toString()));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(body.startsWith("Invalid YAML config format: "), body);
        assertTrue(millis < 3_000, "took " + millis + " ms");
    }

    @Test
    void anAliasBombIsRefusedAtItsFirstAnchor() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD + "      gain: 1.0\n      a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append("      ").append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*" + (char) (c - 1)))).append("]\n");
        }
        String body = refusal(process(yaml + TAIL));
        assertEquals("Invalid YAML config format: YAML anchors are not supported: found '&a' at line 7, column 10", body);
    }

    @Test
    void blockNestingOf200IsRefused() throws Exception {
        StringBuilder yaml = new StringBuilder(HEAD);
        for (int i = 0; i < 200; i++) yaml.append("  ".repeat(i + 3)).append("k").append(i).append(":\n");
        String body = refusal(process(yaml + TAIL));
        assertTrue(body.startsWith("Invalid YAML config format: nesting deeper than 64 levels at line "), body);
    }

    @Test
    void anUnknownParamIsRefusedNamingNodeAndKey() throws Exception {
        String body = refusal(process(HEAD + "      gian: 2.0\n" + TAIL));
        assertEquals("Invalid params for node 'step_1' (audio::gain): unknown field 'gian' (known fields: gain)", body);
    }

    @Test
    void paramKeysThatStreamKitSamplesPassAreAccepted() throws Exception {
        String yaml = """
                mode: oneshot
                steps:
                  - kind: streamkit::http_input
                  - kind: containers::wav::demuxer
                  - kind: audio::resampler
                    params: { target_sample_rate: 48000, channels: 1 }
                  - kind: audio::opus::encoder
                    params: { bitrate: 64000, frame_size: 960 }
                  - kind: containers::ogg::muxer
                    params: { channels: 1 }
                  - kind: streamkit::http_output
                """;
        byte[] wav = TestAudio.sineWav(48_000, 1, 440, 0.5, 0.5);
        HttpResponse<byte[]> response = running.get().post("/api/v1/process", new Multipart().text("config", yaml)
                .file("media", "tone.wav", "audio/wav", wav));
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("OggS", new String(response.body(), 0, 4, StandardCharsets.US_ASCII));
    }
}
