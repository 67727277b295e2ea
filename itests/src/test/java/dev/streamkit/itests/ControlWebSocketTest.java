package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StreamKit's WebSocket control API ({@code /api/v1/control}) over a real socket. */
class ControlWebSocketTest {

    private static final String SINK_ONLY = "nodes:\n  s: { kind: core::sink }\n";

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        for (JsonNode session : ControlClient.JSON.readTree(running.get().get("/api/v1/sessions").body())) {
            running.get().send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null);
        }
    }

    @Test
    void lifecycleCreateListDestroyWithEvents() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port);
             ControlClient observer = ControlClient.connect(running.get().port)) {
            JsonNode created = client.request("c1", Map.of("action", "createsession", "name", "ws-one", "yaml", SINK_ONLY));
            assertEquals("sessioncreated", created.get("action").asText(), created.toString());
            String id = created.get("session_id").asText();
            assertEquals("ws-one", created.get("name").asText());
            assertTrue(created.get("created_at").asText().endsWith("Z"));
            assertEquals("ws-one", observer.awaitEvent("sessioncreated", id).get("name").asText());

            JsonNode listed = client.request("c2", Map.of("action", "listsessions"));
            assertEquals("sessionslisted", listed.get("action").asText());
            assertEquals(1, listed.get("sessions").size());
            assertEquals(id, listed.at("/sessions/0/id").asText());

            JsonNode pipeline = client.request("c3", Map.of("action", "getpipeline", "session_id", "ws-one"));
            assertEquals("pipeline", pipeline.get("action").asText());
            assertEquals("core::sink", pipeline.at("/pipeline/nodes/s/kind").asText());

            JsonNode destroyed = client.request("c4", Map.of("action", "destroysession", "session_id", id));
            assertEquals("sessiondestroyed", destroyed.get("action").asText());
            assertEquals(id, destroyed.get("session_id").asText());
            observer.awaitEvent("sessiondestroyed", id);
            assertEquals(0, client.request("c5", Map.of("action", "listsessions")).get("sessions").size());
        }
    }

    @Test
    void httpCreatedSessionsAreBroadcast() throws Exception {
        try (ControlClient observer = ControlClient.connect(running.get().port)) {
            String body = ControlClient.JSON.writeValueAsString(Map.of("name", "via-http", "yaml", SINK_ONLY));
            assertEquals(200, running.get().send("POST", "/api/v1/sessions", body).statusCode());
            assertEquals("via-http", observer.awaitEvent("sessioncreated", null).get("name").asText());
            running.get().send("DELETE", "/api/v1/sessions/via-http", null);
            observer.awaitEvent("sessiondestroyed", null);
        }
    }

    @Test
    void missingSessionAnswersError() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            for (String action : new String[] {"destroysession", "getpipeline"}) {
                JsonNode error = client.request(action, Map.of("action", action, "session_id", "nope"));
                assertEquals("error", error.get("action").asText());
                assertEquals("Session 'nope' not found", error.get("message").asText());
            }
            JsonNode tune = client.request("t", Map.of("action", "tunenode", "session_id", "nope", "node_id", "g",
                    "message", Map.of("UpdateParams", Map.of("gain", 1.0))));
            assertEquals("Session 'nope' not found", tune.get("message").asText());
        }
    }

    @Test
    void unknownActionAndBadJsonKeepTheSocketUsable() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            JsonNode unknown = client.request("u1", Map.of("action", "frobnicate"));
            assertEquals("error", unknown.get("action").asText());
            client.socket.sendText("{not json", true).get(5, TimeUnit.SECONDS);
            assertTrue(client.awaitResponse(null).get("message").asText().startsWith("Invalid JSON: "));
            JsonNode permissions = client.request("p1", Map.of("action", "getpermissions"));
            assertEquals("permissions", permissions.get("action").asText());
            assertEquals(15, permissions.get("permissions").size());
            permissions.get("permissions").forEach(flag -> assertTrue(flag.asBoolean()));
            JsonNode nodes = client.request("n1", Map.of("action", "listnodes"));
            assertEquals("nodeslisted", nodes.get("action").asText());
            assertTrue(nodes.get("nodes").size() > 5);
        }
    }

    @Test
    void foreignOriginUpgradeIsRefused() throws Exception {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> ControlClient.connect(running.get().port, "https://evil.example"));
        assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        try (ControlClient allowed = ControlClient.connect(running.get().port, "http://localhost:5173")) {
            assertEquals("permissions", allowed.request("p", Map.of("action", "getpermissions")).get("action").asText());
        }
    }

    @Test
    void oversizeMessageClosesWith1009() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String big = "{\"type\":\"request\",\"payload\":{\"action\":\"listsessions\",\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}}";
            client.socket.sendText(big, true).get(10, TimeUnit.SECONDS);
            assertEquals(1009, client.closed.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void tuneNodeUpdatesParamsAndBroadcasts() throws Exception {
        Path wav = running.get().workDir.resolve("samples/tone-ws.wav");
        Files.write(wav, TestAudio.sineWav(48000, 1, 440, 0.5, 5.0));
        String yaml = """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/tone-ws.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: audio::pacer, needs: demux }
                  gain: { kind: audio::gain, params: { gain: 1.0 }, needs: pace }
                  sink: { kind: core::sink, needs: gain }
                """;
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.request("c", Map.of("action", "createsession", "yaml", yaml)).get("session_id").asText();
            JsonNode tuned = client.request("t", Map.of("action", "tunenode", "session_id", id, "node_id", "gain",
                    "message", Map.of("UpdateParams", Map.of("gain", 0.25))));
            assertEquals("success", tuned.get("action").asText(), tuned.toString());
            JsonNode changed = client.awaitEvent("nodeparamschanged", id);
            assertEquals("gain", changed.get("node_id").asText());
            assertEquals(0.25, changed.at("/params/gain").asDouble());
            JsonNode pipeline = client.request("g", Map.of("action", "getpipeline", "session_id", id));
            assertEquals(0.25, pipeline.at("/pipeline/nodes/gain/params/gain").asDouble());

            JsonNode bad = client.request("b", Map.of("action", "tunenode", "session_id", id, "node_id", "gain",
                    "message", Map.of("UpdateParams", Map.of("gain", "loud"))));
            assertEquals("error", bad.get("action").asText());
            assertTrue(bad.get("message").asText().contains("field 'gain'"), bad.toString());
            JsonNode missing = client.request("m", Map.of("action", "tunenode", "session_id", id, "node_id", "nope",
                    "message", Map.of("UpdateParams", Map.of("gain", 1.0))));
            assertEquals("error", missing.get("action").asText());
            assertFalse(missing.get("message").asText().isEmpty());
        }
    }

    @Test
    void tunedParamsAreEchoedCappedInSize() throws Exception {
        String yaml = "nodes:\n  tap: { kind: core::telemetry_tap }\n  sink: { kind: core::sink, needs: tap }\n";
        try (ControlClient client = ControlClient.connect(running.get().port);
             ControlClient observer = ControlClient.connect(running.get().port)) {
            String id = client.request("c", Map.of("action", "createsession", "yaml", yaml)).get("session_id").asText();
            String huge = "x".repeat(600_000);
            JsonNode tuned = client.request("t", Map.of("action", "tunenode", "session_id", id, "node_id", "tap",
                    "message", Map.of("UpdateParams", Map.of("event_type_filter", List.of(huge)))));
            assertEquals("success", tuned.get("action").asText(), tuned.toString());
            String echoed = observer.awaitEvent("nodeparamschanged", id).at("/params/event_type_filter/0").asText();
            assertTrue(echoed.length() < 2_000 && huge.startsWith(echoed.substring(0, 1_000)), "echo of " + echoed.length() + " chars");
            List<String> many = java.util.Collections.nCopies(20_000, "vad.*");
            client.request("m", Map.of("action", "tunenode", "session_id", id, "node_id", "tap",
                    "message", Map.of("UpdateParams", Map.of("event_type_filter", many))));
            int items = observer.awaitEvent("nodeparamschanged", id).at("/params/event_type_filter").size();
            assertTrue(items > 0 && items < 1_000, "echo of " + items + " items");
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffByTheBytesWaitingForIt() throws Exception {
        String yaml = "nodes:\n  tap: { kind: core::telemetry_tap }\n  sink: { kind: core::sink, needs: tap }\n";
        try (ControlClient client = ControlClient.connect(running.get().port);
             NonReadingControlSocket stalled = new NonReadingControlSocket(running.get().port)) {
            String id = client.request("c", Map.of("action", "createsession", "yaml", yaml)).get("session_id").asText();
            JsonNode tuned = client.request("t", Map.of("action", "tunenode", "session_id", id, "node_id", "tap",
                    "message", Map.of("UpdateParams", Map.of("event_type_filter", List.of("x".repeat(500_000))))));
            assertEquals("success", tuned.get("action").asText(), tuned.toString());
            String getPipeline = ControlClient.JSON.writeValueAsString(Map.of("type", "request", "correlation_id", "p",
                    "payload", Map.of("action", "getpipeline", "session_id", id)));
            for (int i = 0; i < 60; i++) stalled.sendText(getPipeline); // 60 answers of 500 KB each: 30 MB
            Thread.sleep(3_000); // the client reads nothing meanwhile: far more than the socket buffers hold waits
            long received = stalled.drainUntilClosed();
            assertTrue(received < 20L * 500_000, "cut off after " + received + " bytes of the 30 MB asked for");
            assertEquals("pipeline", client.request("g", Map.of("action", "getpipeline", "session_id", id)).get("action").asText(),
                    "a reading client is served on");
        }
    }
}
