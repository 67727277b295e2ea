package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StreamKit's session flow over real HTTP: create, list, pipeline with node states, destroy, limits. */
class SessionsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SINK_ONLY = "nodes:\n  s: { kind: core::sink }\n";

    @RegisterExtension
    static final RunningServer running = new RunningServer("[permissions]\nmax_concurrent_sessions = 3\n");

    @AfterEach
    void destroyAll() throws Exception {
        for (JsonNode session : JSON.readTree(running.get().get("/api/v1/sessions").body())) {
            running.get().send("DELETE", "/api/v1/sessions/" + session.get("id").asText(), null);
        }
    }

    private static HttpResponse<String> create(String name, String yaml) throws Exception {
        Map<String, Object> body = name == null ? Map.of("yaml", yaml) : Map.of("name", name, "yaml", yaml);
        return running.get().send("POST", "/api/v1/sessions", JSON.writeValueAsString(body));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void createListPipelineDestroyByName() throws Exception {
        JsonNode created = json(create("my-session", SINK_ONLY));
        String id = created.get("session_id").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertEquals("my-session", created.get("name").asText());
        assertTrue(created.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));

        JsonNode list = json(running.get().get("/api/v1/sessions"));
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        assertEquals("my-session", list.get(0).get("name").asText());

        HttpResponse<String> duplicate = create("my-session", SINK_ONLY);
        assertEquals(409, duplicate.statusCode());
        assertEquals("Failed to create session: Session with name 'my-session' already exists", duplicate.body());

        JsonNode pipeline = json(running.get().get("/api/v1/sessions/my-session/pipeline"));
        assertEquals("dynamic", pipeline.get("mode").asText());
        assertEquals("core::sink", pipeline.at("/nodes/s/kind").asText());
        assertEquals("Running", pipeline.at("/nodes/s/state").asText());

        assertEquals(id, json(running.get().send("DELETE", "/api/v1/sessions/my-session", null)).get("session_id").asText());
        assertEquals(0, json(running.get().get("/api/v1/sessions")).size());
        HttpResponse<String> again = running.get().send("DELETE", "/api/v1/sessions/my-session", null);
        assertEquals(404, again.statusCode());
        assertEquals("Session 'my-session' not found", again.body());
    }

    @Test
    void wavGainSessionRunsToCompletion() throws Exception {
        Path wav = running.get().workDir.resolve("samples/tone.wav");
        Files.write(wav, TestAudio.sineWav(48000, 1, 440, 0.5, 0.5));
        String yaml = """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/tone.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  gain: { kind: audio::gain, params: { gain: 0.5 }, needs: demux }
                  sink: { kind: core::sink, needs: gain }
                """;
        JsonNode created = json(create(null, yaml));
        assertTrue(created.get("name").asText().matches("[a-z]+-[a-z]+-[0-9a-f]{4}"), created.toString());
        String path = "/api/v1/sessions/" + created.get("session_id").asText() + "/pipeline";
        long end = System.nanoTime() + 10_000_000_000L;
        JsonNode pipeline = json(running.get().get(path));
        while (!pipeline.at("/nodes/sink/state").has("Stopped") && System.nanoTime() < end) {
            Thread.sleep(50);
            pipeline = json(running.get().get(path));
        }
        for (String node : new String[] {"read", "demux", "gain", "sink"}) {
            assertEquals("completed", pipeline.at("/nodes/" + node + "/state/Stopped/reason").asText(), pipeline.toString());
        }
        assertEquals(3, pipeline.get("connections").size());
        assertEquals("read", pipeline.at("/connections/0/from_node").asText());
        assertTrue(pipeline.at("/connections/0/mode").isMissingNode());
    }

    @Test
    void refusesBeyondTheSessionLimit() throws Exception {
        for (int i = 0; i < 3; i++) json(create("s" + i, SINK_ONLY));
        HttpResponse<String> refused = create("s3", SINK_ONLY);
        assertEquals(429, refused.statusCode());
        assertEquals("Maximum concurrent sessions limit reached", refused.body());
    }

    @Test
    void refusesBadPipelines() throws Exception {
        HttpResponse<String> oneshotOnly = create(null, "nodes:\n  in: { kind: streamkit::http_input }\n");
        assertEquals(400, oneshotOnly.statusCode());
        assertEquals("Node type 'streamkit::http_input' is oneshot-only and cannot be used in dynamic sessions",
                oneshotOnly.body());
        HttpResponse<String> unknown = create(null, "nodes:\n  x: { kind: core::nope }\n");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().startsWith("Node type 'core::nope' not found in registry"), unknown.body());
        HttpResponse<String> yaml = create(null, "nodes: [");
        assertEquals(400, yaml.statusCode());
        assertTrue(yaml.body().startsWith("Invalid YAML: "), yaml.body());
        assertEquals(0, json(running.get().get("/api/v1/sessions")).size());
    }
}
