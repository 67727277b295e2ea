package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** StreamKit's samples and audio asset routes over real HTTP, against files in the server's working directory. */
class SamplesAssetsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> save(String name, String yaml, boolean overwrite) throws Exception {
        return running.get().send("POST", "/api/v1/samples/oneshot", JSON.writeValueAsString(
                Map.of("name", name, "description", "Test sample", "yaml", yaml, "overwrite", overwrite)));
    }

    @Test
    void samplesListGetSaveDelete() throws Exception {
        Path pipelines = running.get().workDir.resolve("samples/pipelines");
        Files.createDirectories(pipelines.resolve("oneshot"));
        Files.writeString(pipelines.resolve("oneshot/x.yml"), "name: X Sample\ndescription: d\nmode: oneshot\nsteps: []\n");
        Files.writeString(pipelines.resolve("oneshot/live.yml"), "nodes:\n  s: { kind: core::sink }\n");

        JsonNode oneshot = json(running.get().get("/api/v1/samples/oneshot"), 200);
        assertEquals(1, oneshot.size(), oneshot.toString());
        assertEquals("oneshot/x", oneshot.get(0).get("id").asText());
        assertTrue(oneshot.get(0).get("is_system").asBoolean());
        assertFalse(oneshot.get(0).get("is_fragment").asBoolean());
        JsonNode dynamic = json(running.get().get("/api/v1/samples/dynamic"), 200);
        assertEquals("Live", dynamic.get(0).get("name").asText());
        assertTrue(dynamic.get(0).get("is_fragment").asBoolean());

        assertEquals("X Sample", json(running.get().get("/api/v1/samples/oneshot/oneshot%2Fx"), 200).get("name").asText());
        assertEquals("oneshot/x", json(running.get().get("/api/v1/samples/oneshot/x"), 200).get("id").asText());
        assertEquals(404, running.get().get("/api/v1/samples/oneshot/oneshot%2Fnope").statusCode());
        assertEquals(400, running.get().get("/api/v1/samples/oneshot/..%2F..%2Fskit").statusCode());

        JsonNode saved = json(save("My Test", "mode: oneshot\nsteps: []\n", false), 201);
        assertEquals("user/my_test", saved.get("id").asText());
        assertEquals("My Test", saved.get("name").asText());
        assertFalse(saved.get("is_system").asBoolean());
        assertTrue(Files.exists(pipelines.resolve("user/my_test.yml")));
        assertEquals(409, save("My Test", "steps: []\n", false).statusCode());
        assertEquals(201, save("My Test", "mode: oneshot\nsteps: []\n", true).statusCode());
        assertEquals(400, save("Broken", "steps: [", false).statusCode());
        assertEquals(2, json(running.get().get("/api/v1/samples/oneshot"), 200).size());

        assertEquals(403, running.get().send("DELETE", "/api/v1/samples/oneshot/oneshot%2Fx", null).statusCode());
        assertTrue(Files.exists(pipelines.resolve("oneshot/x.yml")));
        assertEquals(204, running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fmy_test", null).statusCode());
        assertEquals(404, running.get().send("DELETE", "/api/v1/samples/oneshot/user%2Fmy_test", null).statusCode());
        assertFalse(Files.exists(pipelines.resolve("user/my_test.yml")));
    }

    @Test
    void audioAssetsUploadListDelete() throws Exception {
        Path audio = running.get().workDir.resolve("samples/audio");
        Files.createDirectories(audio.resolve("system"));
        Files.write(audio.resolve("system/tone.wav"), TestAudio.sineWav(48000, 1, 440, 0.5, 0.1));

        byte[] wav = TestAudio.sineWav(48000, 2, 220, 0.5, 0.2);
        HttpResponse<byte[]> uploaded = running.get().post("/api/v1/assets/audio", new Multipart()
                .file("file", "my voice.wav", "audio/wav", wav).text("license", "CC-BY 4.0"));
        assertEquals(200, uploaded.statusCode(), new String(uploaded.body()));
        JsonNode asset = JSON.readTree(uploaded.body());
        assertEquals("my_voice.wav", asset.get("id").asText());
        assertEquals("samples/audio/user/my_voice.wav", asset.get("path").asText());
        assertEquals("wav", asset.get("format").asText());
        assertEquals(wav.length, asset.get("size_bytes").asLong());
        assertEquals("CC-BY 4.0", asset.get("license").asText());
        assertFalse(asset.get("is_system").asBoolean());

        JsonNode list = json(running.get().get("/api/v1/assets/audio"), 200);
        assertEquals(2, list.size(), list.toString());
        assertTrue(list.get(0).get("is_system").asBoolean());
        assertEquals(409, running.get().post("/api/v1/assets/audio",
                new Multipart().file("file", "my voice.wav", "audio/wav", wav)).statusCode());
        assertEquals(400, running.get().post("/api/v1/assets/audio",
                new Multipart().file("file", "evil.exe", "application/octet-stream", wav)).statusCode());
        assertEquals(400, running.get().post("/api/v1/assets/audio",
                new Multipart().text("license", "MIT")).statusCode());

        assertEquals(403, running.get().send("DELETE", "/api/v1/assets/audio/tone.wav", null).statusCode());
        assertEquals(204, running.get().send("DELETE", "/api/v1/assets/audio/my_voice.wav", null).statusCode());
        assertEquals(1, json(running.get().get("/api/v1/assets/audio"), 200).size());
        assertEquals(404, running.get().send("DELETE", "/api/v1/assets/audio/my_voice.wav", null).statusCode());
    }
}
