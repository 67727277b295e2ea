package dev.streamkit.itests;

import static dev.streamkit.itests.ControlClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * StreamKit's WebSocket session lifecycle as its own clients drive it: {@code createsession} with only a name
 * (or nothing) makes an empty session, built with {@code addnode}/{@code connect}, tuned with {@code tunenode}
 * ({@code UpdateParams}, {@code "Start"}, {@code "Shutdown"}) and ended with {@code destroysession}.
 */
class ControlSessionLifecycleTest {

    private static final String WAV = "samples/tone-lifecycle.wav";

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @BeforeAll
    static void writeMedia() throws Exception {
        running.get().writeSample("tone-lifecycle.wav", TestAudio.sineWav(48000, 1, 440, 0.5, 10.0));
    }

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    private static JsonNode send(ControlClient client, Map<String, Object> payload) throws Exception {
        return client.request(payload.get("action") + "-" + System.nanoTime(), payload);
    }

    private static void succeeds(ControlClient client, Map<String, Object> payload) throws Exception {
        JsonNode response = send(client, payload);
        assertEquals("success", response.path("action").asText(), payload + " → " + response);
    }

    private static Map<String, Object> connect(String sessionId, String from, String to) {
        return op("connect", sessionId, "from_node", from, "from_pin", "out", "to_node", to, "to_pin", "in");
    }

    /** Adds {@code read → demux → pace → gain → sink} to an empty session, the source connected last. */
    private static void buildChain(ControlClient client, String id) throws Exception {
        succeeds(client, op("addnode", id, "node_id", "read", "kind", "core::file_reader", "params", Map.of("path", WAV)));
        succeeds(client, op("addnode", id, "node_id", "demux", "kind", "containers::wav::demuxer"));
        succeeds(client, op("addnode", id, "node_id", "pace", "kind", "audio::pacer"));
        succeeds(client, op("addnode", id, "node_id", "gain", "kind", "audio::gain", "params", Map.of("gain", 1.0)));
        succeeds(client, op("addnode", id, "node_id", "sink", "kind", "core::sink"));
        succeeds(client, connect(id, "demux", "pace"));
        succeeds(client, connect(id, "pace", "gain"));
        succeeds(client, connect(id, "gain", "sink"));
        succeeds(client, connect(id, "read", "demux"));
    }

    private static String stateOf(JsonNode event) {
        JsonNode state = event.get("state");
        return state.isTextual() ? state.asText() : state.fieldNames().next() + ":" + state.at("/Stopped/reason").asText();
    }

    @Test
    void emptySessionIsBuiltTunedAndDestroyedOverTheSocket() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port);
             ControlClient observer = ControlClient.connect(running.get().port)) {
            JsonNode created = send(client, Map.of("action", "createsession", "name", "lifecycle"));
            assertEquals("sessioncreated", created.path("action").asText(), created.toString());
            assertEquals("lifecycle", created.get("name").asText());
            assertTrue(created.get("created_at").asText().endsWith("Z"), created.toString());
            String id = created.get("session_id").asText();
            assertEquals("lifecycle", observer.awaitEvent("sessioncreated", id).get("name").asText());
            JsonNode empty = send(client, Map.of("action", "getpipeline", "session_id", id)).get("pipeline");
            assertEquals(0, empty.get("nodes").size(), empty.toString());
            assertEquals(0, empty.get("connections").size(), empty.toString());

            buildChain(client, id);
            List<JsonNode> events = observer.eventsUntil(e -> NodeEvents.is(e, "nodestatechanged", id, "read")
                    && "Running".equals(stateOf(e)), 10_000, "read Running");
            assertEquals(5, events.stream().filter(e -> NodeEvents.is(e, "nodeadded", id, null)).count(), events.toString());
            assertEquals(4, events.stream().filter(e -> NodeEvents.is(e, "connectionadded", id, null)).count(), events.toString());
            // The source waits, Ready, until its connection: then it starts, having lost nothing.
            assertEquals(List.of("Ready", "Running"), NodeEvents.states(events, id, "read"));

            succeeds(client, op("tunenode", id, "node_id", "gain", "message", Map.of("UpdateParams", Map.of("gain", 0.5))));
            assertEquals(0.5, observer.awaitEvent("nodeparamschanged", id).at("/params/gain").asDouble());

            JsonNode pipeline = send(client, Map.of("action", "getpipeline", "session_id", id)).get("pipeline");
            List<String> nodes = new ArrayList<>();
            pipeline.get("nodes").fieldNames().forEachRemaining(nodes::add);
            assertEquals(List.of("read", "demux", "pace", "gain", "sink"), nodes);
            assertEquals(4, pipeline.get("connections").size(), pipeline.toString());
            assertEquals(0.5, pipeline.at("/nodes/gain/params/gain").asDouble(), pipeline.toString());
            assertEquals("Running", pipeline.at("/nodes/gain/state").asText(), pipeline.toString());

            JsonNode destroyed = send(client, Map.of("action", "destroysession", "session_id", id));
            assertEquals("sessiondestroyed", destroyed.path("action").asText(), destroyed.toString());
            observer.awaitEvent("sessiondestroyed", id);
        }
    }

    @Test
    void createSessionWithoutAnyFieldGetsAGeneratedName() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            JsonNode created = send(client, Map.of("action", "createsession"));
            assertEquals("sessioncreated", created.path("action").asText(), created.toString());
            assertFalse(created.get("name").asText().isBlank(), created.toString());
            JsonNode listed = send(client, Map.of("action", "listsessions"));
            assertEquals(created.get("session_id").asText(), listed.at("/sessions/0/id").asText(), listed.toString());
        }
    }

    @Test
    void httpStillRefusesAnEmptyPipeline() throws Exception {
        String body = ControlClient.JSON.writeValueAsString(Map.of("name", "nothing", "yaml", "nodes: {}\n"));
        HttpResponse<String> response = running.get().send("POST", "/api/v1/sessions", body);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Pipeline is empty. Add some nodes before creating a session."), response.body());
    }

    @Test
    void startReleasesASourceHeldReady() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = send(client, Map.of("action", "createsession", "name", "start")).get("session_id").asText();
            succeeds(client, op("addnode", id, "node_id", "read", "kind", "core::file_reader", "params", Map.of("path", WAV)));
            client.eventsUntil(e -> NodeEvents.is(e, "nodestatechanged", id, "read") && "Ready".equals(stateOf(e)), 10_000, "read Ready");

            succeeds(client, op("tunenode", id, "node_id", "read", "message", "Start"));
            List<JsonNode> events = client.untilStopped(id, List.of("read"), 10_000);
            assertEquals(List.of("Running", "Stopped"), NodeEvents.states(events, id, "read"));
        }
    }

    @Test
    void shutdownEndsANodeAndItsConsumerSeesEndOfStream() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = send(client, Map.of("action", "createsession", "name", "shutdown")).get("session_id").asText();
            buildChain(client, id);
            client.nextStats(id, "sink", 10_000); // audio flows

            succeeds(client, op("tunenode", id, "node_id", "gain", "message", "Shutdown"));
            List<JsonNode> events = client.untilStopped(id, List.of("gain", "sink"), 10_000);
            List<String> ends = events.stream().filter(e -> NodeEvents.is(e, "nodestatechanged", id, null)
                    && e.at("/state/Stopped").isObject()).map(e -> e.get("node_id").asText() + "=" + stateOf(e)).toList();
            assertTrue(ends.contains("gain=Stopped:shutdown"), ends.toString());
            assertTrue(ends.contains("sink=Stopped:completed"), ends.toString());

            JsonNode again = send(client, op("tunenode", id, "node_id", "gain", "message", "Shutdown"));
            assertEquals("error", again.path("action").asText(), again.toString());
            assertTrue(again.get("message").asText().contains("already stopped"), again.toString());
            JsonNode unknown = send(client, op("tunenode", id, "node_id", "pace", "message", "Pause"));
            assertEquals("error", unknown.path("action").asText(), unknown.toString());
            assertTrue(unknown.get("message").asText().startsWith("Unsupported control message"), unknown.toString());
        }
    }
}
