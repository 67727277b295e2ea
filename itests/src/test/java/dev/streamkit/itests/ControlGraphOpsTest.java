package dev.streamkit.itests;

import static dev.streamkit.itests.ControlClient.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graph operations on a running session over {@code /api/v1/control}: checked first, refusals change nothing. */
class ControlGraphOpsTest {

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        for (JsonNode session : ControlClient.JSON.readTree(running.get().get("/api/v1/sessions").body())) {
            running.get().send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null);
        }
    }

    private String startSession(ControlClient client) throws Exception {
        Path wav = running.get().workDir.resolve("samples/tone-graph.wav");
        Files.write(wav, TestAudio.sineWav(48000, 1, 440, 0.5, 10.0));
        String yaml = """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/tone-graph.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: audio::pacer, needs: demux }
                  sink: { kind: core::sink, needs: pace }
                """;
        JsonNode created = client.request("c", Map.of("action", "createsession", "yaml", yaml));
        assertEquals("sessioncreated", created.get("action").asText(), created.toString());
        return created.get("session_id").asText();
    }

    private static Map<String, Object> connect(String action, String sessionId, String from, String to) {
        return op(action, sessionId, "from_node", from, "from_pin", "out", "to_node", to, "to_pin", "in");
    }

    /** The session's pipeline without node states (those change as the file reader completes). */
    private static JsonNode pipeline(ControlClient client, String id) throws Exception {
        JsonNode pipeline = client.request("p", Map.of("action", "getpipeline", "session_id", id)).get("pipeline");
        pipeline.get("nodes").forEach(node -> ((ObjectNode) node).remove("state"));
        return pipeline;
    }

    @Test
    void addGainToARunningSessionAndConnectIt() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port);
             ControlClient observer = ControlClient.connect(running.get().port)) {
            String id = startSession(client);
            JsonNode added = client.request("a", op("addnode", id, "node_id", "gain2", "kind", "audio::gain",
                    "params", Map.of("gain", 0.5)));
            assertEquals("success", added.get("action").asText(), added.toString());
            JsonNode event = observer.awaitEvent("nodeadded", id);
            assertEquals("gain2", event.get("node_id").asText());
            assertEquals("audio::gain", event.get("kind").asText());
            assertEquals("success", client.request("s", op("addnode", id, "node_id", "sink2", "kind", "core::sink"))
                    .get("action").asText());
            assertEquals("success", client.request("c1", connect("connect", id, "gain2", "sink2")).get("action").asText());
            JsonNode linked = client.request("c2", connect("connect", id, "pace", "gain2"));
            assertEquals("success", linked.get("action").asText(), linked.toString());
            assertEquals("gain2", observer.awaitEvent("connectionadded", id).get("from_node").asText());

            JsonNode pipeline = pipeline(client, id);
            assertEquals("audio::gain", pipeline.at("/nodes/gain2/kind").asText());
            assertEquals(5, pipeline.get("connections").size(), pipeline.toString());

            JsonNode removed = client.request("r", op("removenode", id, "node_id", "gain2"));
            assertEquals("success", removed.get("action").asText(), removed.toString());
            assertEquals("gain2", observer.awaitEvent("noderemoved", id).get("node_id").asText());
            pipeline = pipeline(client, id);
            assertTrue(pipeline.at("/nodes/gain2").isMissingNode(), pipeline.toString());
            assertEquals(3, pipeline.get("connections").size(), pipeline.toString());
            // sink2's only input came from gain2: it saw end-of-stream and completed.
            JsonNode stopped = client.request("q", Map.of("action", "getpipeline", "session_id", id));
            long end = System.currentTimeMillis() + 10_000;
            while (!stopped.at("/pipeline/nodes/sink2/state/Stopped").isObject() && System.currentTimeMillis() < end) {
                Thread.sleep(20);
                stopped = client.request("q", Map.of("action", "getpipeline", "session_id", id));
            }
            assertEquals("completed", stopped.at("/pipeline/nodes/sink2/state/Stopped/reason").asText(), stopped.toString());
        }
    }

    @Test
    void refusedConnectsAnswerErrorAndChangeNothing() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = startSession(client);
            for (String[] node : new String[][] {{"ga", "audio::gain"}, {"gb", "audio::gain"}, {"chunk", "core::text_chunker"}}) {
                JsonNode added = client.request(node[0], op("addnode", id, "node_id", node[0], "kind", node[1]));
                assertEquals("success", added.get("action").asText(), added.toString());
            }
            assertEquals("success", client.request("ab", connect("connect", id, "ga", "gb")).get("action").asText());
            JsonNode before = pipeline(client, id);

            JsonNode mismatch = client.request("m", connect("connect", id, "gb", "chunk"));
            assertEquals("error", mismatch.get("action").asText(), mismatch.toString());
            assertTrue(mismatch.get("message").asText().contains("Type mismatch"), mismatch.toString());
            assertEquals(before, pipeline(client, id));

            JsonNode cycle = client.request("y", connect("connect", id, "gb", "ga"));
            assertEquals("error", cycle.get("action").asText(), cycle.toString());
            assertTrue(cycle.get("message").asText().contains("cycle: gb -> ga -> gb"), cycle.toString());
            assertEquals(before, pipeline(client, id));

            JsonNode unknown = client.request("u", op("addnode", id, "node_id", "x", "kind", "audio::gian"));
            assertEquals("error", unknown.get("action").asText(), unknown.toString());
            assertTrue(unknown.get("message").asText().contains("audio::gain"), unknown.toString());
            assertEquals(before, pipeline(client, id));
        }
    }

    @Test
    void applyBatchWithOneBadOperationAppliesNothing() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = startSession(client);
            JsonNode before = pipeline(client, id);
            List<Map<String, Object>> operations = List.of(
                    op("addnode", null, "node_id", "g", "kind", "audio::gain"),
                    connect("connect", null, "pace", "g"),
                    connect("connect", null, "g", "missing"));
            JsonNode validation = client.request("v", Map.of("action", "validatebatch", "session_id", id, "operations", operations));
            assertEquals("validationresult", validation.get("action").asText(), validation.toString());
            assertEquals(1, validation.get("errors").size(), validation.toString());
            JsonNode applied = client.request("b", Map.of("action", "applybatch", "session_id", id, "operations", operations));
            assertEquals("error", applied.get("action").asText(), applied.toString());
            assertTrue(applied.get("message").asText().contains("'missing' not found"), applied.toString());
            assertEquals(before, pipeline(client, id));

            JsonNode good = client.request("g", Map.of("action", "applybatch", "session_id", id,
                    "operations", operations.subList(0, 2)));
            assertEquals("batchapplied", good.get("action").asText(), good.toString());
            assertEquals(4, pipeline(client, id).get("connections").size());
        }
    }

    /** {@code validatebatch} then {@code applybatch} of {@code operations}; returns the validation's errors. */
    private static JsonNode validateThenApply(ControlClient client, String id, List<Map<String, Object>> operations,
                                              String expectedAction) throws Exception {
        JsonNode validation = client.request("v", Map.of("action", "validatebatch", "session_id", id, "operations", operations));
        assertEquals("validationresult", validation.get("action").asText(), validation.toString());
        JsonNode applied = client.request("b", Map.of("action", "applybatch", "session_id", id, "operations", operations));
        assertEquals(expectedAction, applied.get("action").asText(), applied.toString());
        return validation.get("errors");
    }

    private static List<String> connectionNames(JsonNode pipeline) {
        List<String> names = new java.util.ArrayList<>();
        pipeline.get("connections").forEach(c -> names.add(c.get("from_node").asText() + "->" + c.get("to_node").asText()));
        return names;
    }

    @Test
    void theMonitorsInsertAndRemoveBatchesAreApplied() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = startSession(client);
            // Inserting a node between pace and sink, in the Monitor's order: sink.in (One) is freed last.
            JsonNode errors = validateThenApply(client, id, List.of(
                    op("addnode", null, "node_id", "gain", "kind", "audio::gain", "params", Map.of("gain", 0.5)),
                    connect("connect", null, "pace", "gain"),
                    connect("connect", null, "gain", "sink"),
                    connect("disconnect", null, "pace", "sink")), "batchapplied");
            assertEquals(0, errors.size(), errors.toString());
            assertEquals(List.of("read->demux", "demux->pace", "pace->gain", "gain->sink"), connectionNames(pipeline(client, id)));

            // Removing it: the disconnect names an edge the removal already took.
            errors = validateThenApply(client, id, List.of(
                    op("removenode", null, "node_id", "gain"),
                    connect("disconnect", null, "pace", "gain")), "batchapplied");
            assertEquals(0, errors.size(), errors.toString());
            JsonNode pipeline = pipeline(client, id);
            assertTrue(pipeline.at("/nodes/gain").isMissingNode(), pipeline.toString());
            assertEquals(List.of("read->demux", "demux->pace"), connectionNames(pipeline));
        }
    }

    @Test
    void aBatchWhoseFinalGraphBreaksARuleIsRefusedWhole() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = startSession(client);
            JsonNode before = pipeline(client, id);
            JsonNode errors = validateThenApply(client, id, List.of(
                    op("addnode", null, "node_id", "gain", "kind", "audio::gain"),
                    connect("connect", null, "pace", "gain"),
                    connect("connect", null, "gain", "sink")), "error");
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).asText().startsWith("final graph: Input pin 'sink.in' (cardinality: One)"), errors.toString());
            assertEquals(before, pipeline(client, id));
        }
    }
}
