package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten WebSocket control clients at once, each running create / list / getpipeline / tunenode / destroy
 * rounds against live sessions: every reply comes back within 2 s, no valid request gets an error,
 * and no session is left over.
 */
class ControlConcurrencyTest {

    private static final int CLIENTS = 10;
    private static final int ROUNDS = 4;            // 5 operations per round: 20 per client
    private static final long MAX_ROUND_TRIP_MS = 2_000;

    private static final String YAML = """
            nodes:
              read: { kind: core::file_reader, params: { path: samples/tone-cc.wav } }
              demux: { kind: containers::wav::demuxer, needs: read }
              pace: { kind: audio::pacer, needs: demux }
              gain: { kind: audio::gain, params: { gain: 1.0 }, needs: pace }
              sink: { kind: core::sink, needs: gain }
            """;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    /** One timed request; the reply's action must be {@code expected}. */
    private static JsonNode timed(ControlClient client, List<Long> trips, List<String> errors, String id,
                                  Map<String, Object> payload, String expected) throws Exception {
        long start = System.nanoTime();
        JsonNode reply = client.request(id, payload);
        trips.add((System.nanoTime() - start) / 1_000_000);
        if (!expected.equals(reply.path("action").asText())) errors.add(id + " " + payload.get("action") + " -> " + reply);
        return reply;
    }

    @Test
    void tenClientsGetTimelyRepliesAndLeaveNoSessions() throws Exception {
        // 5 s of audio, paced in real time: sessions stay alive while they are tuned and inspected.
        Files.write(running.get().workDir.resolve("samples/tone-cc.wav"), TestAudio.sineWav(48000, 1, 440, 0.5, 5.0));
        List<Long> trips = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientNo = c;
                done.add(pool.submit(() -> {
                    int ops = 0;
                    try (ControlClient client = ControlClient.connect(running.get().port)) {
                        go.await(10, TimeUnit.SECONDS);
                        for (int r = 0; r < ROUNDS; r++) {
                            String tag = "c" + clientNo + "r" + r;
                            JsonNode created = timed(client, trips, errors, tag + "-create",
                                    Map.of("action", "createsession", "name", "cc-" + tag, "yaml", YAML), "sessioncreated");
                            String id = created.path("session_id").asText();
                            JsonNode listed = timed(client, trips, errors, tag + "-list",
                                    Map.of("action", "listsessions"), "sessionslisted");
                            boolean seen = false;
                            for (JsonNode s : listed.path("sessions")) seen |= id.equals(s.path("id").asText());
                            if (!seen) errors.add(tag + " own session missing from listsessions");
                            JsonNode pipeline = timed(client, trips, errors, tag + "-pipeline",
                                    Map.of("action", "getpipeline", "session_id", id), "pipeline");
                            if (!"audio::gain".equals(pipeline.at("/pipeline/nodes/gain/kind").asText())) {
                                errors.add(tag + " pipeline without gain: " + pipeline);
                            }
                            timed(client, trips, errors, tag + "-tune", Map.of("action", "tunenode", "session_id", id,
                                    "node_id", "gain", "message", Map.of("UpdateParams", Map.of("gain", 0.5 + r / 10.0))),
                                    "success");
                            timed(client, trips, errors, tag + "-destroy",
                                    Map.of("action", "destroysession", "session_id", id), "sessiondestroyed");
                            ops += 5;
                        }
                    }
                    return ops;
                }));
            }
            go.countDown();
            int ops = 0;
            for (Future<Integer> f : done) ops += f.get(120, TimeUnit.SECONDS);
            assertEquals(CLIENTS * ROUNDS * 5, ops);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        long max;
        long median;
        synchronized (trips) {
            List<Long> sorted = new ArrayList<>(trips);
            Collections.sort(sorted);
            max = sorted.get(sorted.size() - 1);
            median = sorted.get(sorted.size() / 2);
        }
        System.out.printf("ControlConcurrencyTest: %d round trips, median %d ms, max %d ms%n", trips.size(), median, max);
        assertTrue(errors.isEmpty(), "error replies: " + errors);
        assertEquals(CLIENTS * ROUNDS * 5, trips.size());
        assertTrue(max < MAX_ROUND_TRIP_MS, "slowest round trip " + max + " ms");
        JsonNode left = ControlClient.JSON.readTree(running.get().get("/api/v1/sessions").body());
        assertEquals(0, left.size(), left.toString());
    }
}
