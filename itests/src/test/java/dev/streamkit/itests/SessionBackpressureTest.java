package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fast file reader feeding a real-time pacer. Over reliable connections the reader is held back
 * (bounded buffering): the session keeps running, memory stays bounded and destroy is prompt. Over a
 * best-effort connection the producer is never held back: the source side finishes far ahead of real time.
 */
class SessionBackpressureTest {

    /** 60 s of 48 kHz mono 16-bit PCM: ~5.8 MB, a minute of real time behind a speed-1 pacer. */
    private static final double SECONDS = 60.0;
    private static final long RSS_GROWTH_LIMIT_KIB = 256 * 1024;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @BeforeAll
    static void media() throws Exception {
        Files.write(running.get().workDir.resolve("samples/long.wav"), TestAudio.sineWav(48000, 1, 440, 0.5, SECONDS));
    }

    @AfterEach
    void destroyAll() throws Exception {
        for (JsonNode session : ControlClient.JSON.readTree(running.get().get("/api/v1/sessions").body())) {
            running.get().send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null);
        }
    }

    private static String create(String name, String yaml) throws Exception {
        HttpResponse<String> created = running.get().send("POST", "/api/v1/sessions",
                ControlClient.JSON.writeValueAsString(Map.of("name", name, "yaml", yaml)));
        assertEquals(200, created.statusCode(), created.body());
        return ControlClient.JSON.readTree(created.body()).get("session_id").asText();
    }

    private static JsonNode pipeline(String id) throws Exception {
        HttpResponse<String> response = running.get().get("/api/v1/sessions/" + id + "/pipeline");
        assertEquals(200, response.statusCode(), response.body());
        return ControlClient.JSON.readTree(response.body());
    }

    private static String state(JsonNode pipeline, String node) {
        JsonNode state = pipeline.at("/nodes/" + node + "/state");
        return state.isTextual() ? state.asText() : state.fieldNames().hasNext() ? state.fieldNames().next() : state.toString();
    }

    @Test
    void reliableChainIntoSlowPacerKeepsRunningWithBoundedMemory() throws Exception {
        long pid = ServerProcessInfo.pid(running.get());
        System.gc();
        long rssBefore = ServerProcessInfo.rssKib(pid);
        String id = create("backpressure", """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/long.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: core::pacer, params: { speed: 1.0 }, needs: demux }
                  sink: { kind: core::sink, needs: pace }
                """);
        long rssMax = rssBefore;
        long end = System.nanoTime() + 4_000_000_000L;
        int polls = 0;
        while (System.nanoTime() < end) {
            JsonNode pipeline = pipeline(id);
            for (String node : new String[] {"read", "demux", "pace", "sink"}) {
                assertEquals("Running", state(pipeline, node), node + " after " + polls + " polls: " + pipeline);
            }
            rssMax = Math.max(rssMax, ServerProcessInfo.rssKib(pid));
            polls++;
            Thread.sleep(200);
        }
        long started = System.nanoTime();
        HttpResponse<String> destroyed = running.get().send("DELETE", "/api/v1/sessions/" + id, null);
        long destroyMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, destroyed.statusCode(), destroyed.body());
        rssMax = Math.max(rssMax, ServerProcessInfo.rssKib(pid));
        System.out.printf("SessionBackpressureTest reliable: %d polls all Running, destroy %d ms, RSS %d -> max %d KiB (+%d)%n",
                polls, destroyMs, rssBefore, rssMax, rssMax - rssBefore);
        assertTrue(destroyMs < 10_000, "destroy took " + destroyMs + " ms");
        assertEquals(404, running.get().get("/api/v1/sessions/" + id + "/pipeline").statusCode());
        assertTrue(rssMax - rssBefore < RSS_GROWTH_LIMIT_KIB, "RSS grew by " + (rssMax - rssBefore) + " KiB");
        assertTrue(running.get().isAlive());
    }

    @Test
    void bestEffortConnectionLetsTheProducerRunAhead() throws Exception {
        String id = create("best-effort", """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/long.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: core::pacer, params: { speed: 1.0 }, needs: { node: demux, mode: best_effort } }
                  sink: { kind: core::sink, needs: pace }
                """);
        long start = System.nanoTime();
        long end = start + 10_000_000_000L;
        JsonNode pipeline = pipeline(id);
        while (!"Stopped".equals(state(pipeline, "demux")) && System.nanoTime() < end) {
            Thread.sleep(50);
            pipeline = pipeline(id);
        }
        long sourceMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("SessionBackpressureTest best_effort: source side of a %.0f s file done after %d ms; pacer %s%n",
                SECONDS, sourceMs, state(pipeline, "pace"));
        assertEquals("completed", pipeline.at("/nodes/read/state/Stopped/reason").asText(), pipeline.toString());
        assertEquals("completed", pipeline.at("/nodes/demux/state/Stopped/reason").asText(), pipeline.toString());
        assertTrue(sourceMs < 10_000, "demuxer still busy after " + sourceMs + " ms");
        assertEquals("best_effort", pipeline.at("/connections/1/mode").asText(), pipeline.toString());
        long started = System.nanoTime();
        assertEquals(200, running.get().send("DELETE", "/api/v1/sessions/" + id, null).statusCode());
        assertTrue(System.nanoTime() - started < 10_000_000_000L);
    }
}
