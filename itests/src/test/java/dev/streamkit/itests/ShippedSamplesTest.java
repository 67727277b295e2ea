package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository's {@code samples/} (pipelines and the build's system audio) served by a real server: the
 * dynamic samples are listed by {@code /api/v1/samples/dynamic} and each runs as a session (StreamKit's MoQ
 * samples with their peer waiting for a client), and the system
 * assets carry the {@code speech_} / {@code music_} prefixes that StreamKit's UI matches against the
 * samples' {@code # skit:input_asset_tags=} comments.
 */
class ShippedSamplesTest {

    private static final Pattern TAGS = Pattern.compile("(?m)^# skit:input_asset_tags=(.+)$");
    private static final Path SAMPLES = Path.of(System.getProperty("skit.samples"));

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @BeforeAll
    static void copySamples() throws IOException {
        Path target = running.get().workDir.resolve("samples");
        for (String folder : List.of("pipelines/oneshot", "pipelines/dynamic", "audio/system")) {
            Files.createDirectories(target.resolve(folder));
            for (Path file : files(SAMPLES.resolve(folder))) {
                Files.copy(file, target.resolve(folder).resolve(file.getFileName().toString()));
            }
        }
    }

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        return ControlClient.JSON.readTree(response.body());
    }

    @Test
    void dynamicSamplesAreListedWithTheirNames() throws Exception {
        List<Path> shipped = files(SAMPLES.resolve("pipelines/dynamic"));
        assertTrue(shipped.size() >= 3, "dynamic samples: " + shipped);
        JsonNode listed = json(running.get().get("/api/v1/samples/dynamic"));
        assertEquals(shipped.size(), listed.size(), listed.toString());
        for (JsonNode sample : listed) {
            assertTrue(sample.get("id").asText().startsWith("dynamic/"), sample.toString());
            assertEquals("dynamic", sample.get("mode").asText(), sample.toString());
            assertTrue(sample.get("is_system").asBoolean(), sample.toString());
            assertFalse(sample.get("is_fragment").asBoolean(), "a name and a description: " + sample);
            assertFalse(sample.get("description").asText().isBlank(), sample.toString());
        }
    }

    @Test
    void everyDynamicSampleRunsAsASession() throws Exception {
        try (ControlClient observer = ControlClient.connect(running.get().port)) {
            for (Path file : files(SAMPLES.resolve("pipelines/dynamic"))) {
                String name = file.getFileName().toString();
                String yaml = Files.readString(file);
                String body = ControlClient.JSON.writeValueAsString(Map.of("name", name, "yaml", yaml));
                String id = json(running.get().send("POST", "/api/v1/sessions", body)).get("session_id").asText();
                // A MoQ sample waits for a browser to publish: its peer runs, nothing flows yet.
                boolean moq = yaml.contains("transport::moq::peer");
                if (!moq) {
                    observer.eventsUntil(e -> NodeEvents.is(e, "nodetelemetry", id, null)
                            && "audio.level".equals(e.at("/data/event_type").asText()), 15_000, name + " audio levels");
                }

                JsonNode nodes = json(running.get().get("/api/v1/sessions/" + id + "/pipeline")).get("nodes");
                List<String> sinks = new ArrayList<>();
                nodes.fields().forEachRemaining(node -> {
                    JsonNode state = node.getValue().get("state");
                    assertFalse(state.has("Failed"), name + ": " + node.getKey() + " " + state);
                    if ("core::sink".equals(node.getValue().get("kind").asText())) {
                        assertEquals("Running", state.asText(), name + ": " + node.getKey());
                        sinks.add(node.getKey());
                    }
                });
                if (moq) {
                    assertEquals("Running", nodes.get("moq_peer").get("state").asText(), name + ": the peer waits for clients");
                } else {
                    assertFalse(sinks.isEmpty(), name + " has a sink");
                }
                assertEquals(200, running.get().send("DELETE", "/api/v1/sessions/" + id, null).statusCode());
            }
        }
    }

    @Test
    void systemAssetsCarryThePrefixesTheSamplesTagsMatch() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode asset : json(running.get().get("/api/v1/assets/audio"))) {
            assertTrue(asset.get("is_system").asBoolean(), asset.toString());
            ids.add(asset.get("id").asText());
        }
        assertTrue(ids.containsAll(Set.of("music_generated.ogg", "speech_generated.ogg", "speech_generated.wav")), ids.toString());
        for (Path sample : files(SAMPLES.resolve("pipelines/oneshot"))) {
            Matcher tags = TAGS.matcher(Files.readString(sample));
            if (!tags.find()) continue;
            for (String tag : tags.group(1).trim().split(",")) {
                assertTrue(ids.stream().anyMatch(id -> id.startsWith(tag.trim() + "_")),
                        sample.getFileName() + ": no asset for tag '" + tag + "' among " + ids);
            }
        }
    }
}
