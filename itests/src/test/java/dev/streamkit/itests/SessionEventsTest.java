package dev.streamkit.itests;

import static dev.streamkit.itests.NodeEvents.is;
import static dev.streamkit.itests.NodeEvents.lastStatsBefore;
import static dev.streamkit.itests.NodeEvents.states;
import static dev.streamkit.itests.NodeEvents.statsBeforeStopped;
import static dev.streamkit.itests.NodeEvents.stoppedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events a live session sends over {@code /api/v1/control} (spec §5.3, §6.5): {@code nodestatsupdated}
 * at StreamKit's cadence with counters that match the media, {@code nodestatechanged} in lifecycle order
 * with each node's final counters before its end, and {@code nodetelemetry} strings cut at 100 chars.
 * Every test connects its socket before creating the session, so it sees the first state changes.
 */
class SessionEventsTest {

    /** 20 ms frames: the WAV demuxer cuts 960 samples per channel at 48 kHz. */
    private static final int FRAMES_PER_SECOND = 50;
    private static final List<String> NODES = List.of("read", "demux", "pace", "sink");

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    private static String paced(String file, double speed) {
        return """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/%s } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: audio::pacer, params: { speed: %s }, needs: demux }
                  sink: { kind: core::sink, needs: pace }
                """.formatted(file, speed);
    }

    @Test
    void statsArriveEveryTwoSecondsAndCountThePacedFrames() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("stats-cadence", paced(longWav(), 1.0));
            List<JsonNode> sinkStats = new ArrayList<>();
            while (sinkStats.size() < 3) sinkStats.add(client.nextStats(id, "sink", 5_000));
            System.out.println("SessionEventsTest cadence: sink " + sinkStats);
            assertTrue(sinkStats.get(0).get("received").asLong() > 0, "an empty snapshot: " + sinkStats.get(0));
            for (int i = 1; i < sinkStats.size(); i++) {
                JsonNode before = sinkStats.get(i - 1);
                JsonNode after = sinkStats.get(i);
                long frames = after.get("received").asLong() - before.get("received").asLong();
                double seconds = after.get("duration_secs").asDouble() - before.get("duration_secs").asDouble();
                assertEquals(2.0, seconds, 0.5, "periodic stats interval: " + sinkStats);
                assertEquals(FRAMES_PER_SECOND, frames / seconds, FRAMES_PER_SECOND * 0.2, "paced frame rate: " + sinkStats);
                assertEquals(0, after.get("discarded").asLong() + after.get("errored").asLong(), after.toString());
            }
        }
    }

    @Test
    void firstNonEmptyStatsArriveAtFirstActivity() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            long created = System.nanoTime();
            String id = client.createSession("stats-first", paced(longWav(), 1.0));
            JsonNode first = client.nextStats(id, "sink", 5_000);
            long afterMs = (System.nanoTime() - created) / 1_000_000;
            assertTrue(afterMs < 1_000, "first sink stats after " + afterMs + " ms: " + first);
        }
    }

    @Test
    void finalStatsPrecedeStoppedAndStatesFollowTheLifecycle() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("stats-final", paced(shortWav(), 4.0));
            List<JsonNode> events = client.untilStopped(id, NODES, 15_000);
            for (String node : NODES) {
                List<String> states = states(events, id, node);
                assertEquals("Stopped", states.get(states.size() - 1), node + ": " + states);
                assertTrue(states.contains("Running"), node + ": " + states);
                assertTrue(isLifecycleOrder(states), node + ": " + states);
                int stopped = stoppedAt(events, id, node);
                assertEquals("completed", events.get(stopped).at("/state/Stopped/reason").asText(), events.get(stopped).toString());
                assertTrue(lastStatsBefore(events, id, node, stopped) >= 0, node + ": no nodestatsupdated before Stopped");
            }
            long frames = 3 * FRAMES_PER_SECOND;
            assertEquals(frames, statsBeforeStopped(events, id, "demux").get("sent").asLong());
            assertEquals(frames, statsBeforeStopped(events, id, "pace").get("received").asLong());
            long sunk = statsBeforeStopped(events, id, "sink").get("received").asLong();
            assertEquals(statsBeforeStopped(events, id, "pace").get("sent").asLong(), sunk);
            assertTrue(sunk >= frames, "the sink saw " + sunk + " of " + frames + " frames");
        }
    }

    @Test
    void noStatsAfterANodeStopped() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("stats-after", paced(shortWav(), 4.0));
            List<JsonNode> events = client.untilStopped(id, NODES, 15_000);
            events.addAll(client.eventsDuring(2_500)); // past the next stats tick
            for (String node : NODES) {
                int stopped = stoppedAt(events, id, node);
                int lastStats = lastStatsBefore(events, id, node, events.size());
                assertTrue(lastStats < stopped, node + ": " + events.get(lastStats) + " after " + events.get(stopped));
            }
        }
    }

    @Test
    void telemetryStringsOverAHundredCharsAreTruncated() throws Exception {
        String shortSentence = "A short first sentence.";
        String longSentence = "This second sentence runs on and on without a single stop so that its preview "
                + "is longer than the hundred characters a control socket passes through unchanged";
        running.get().writeSample("long-text.txt", (shortSentence + " " + longSentence).getBytes(StandardCharsets.UTF_8));
        String yaml = """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/long-text.txt } }
                  chunk: { kind: core::text_chunker, params: { split_mode: sentences }, needs: read }
                  telemetry: { kind: core::telemetry_out, params: { packet_types: ["Text"] }, needs: chunk }
                """;
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("truncation", yaml);
            List<JsonNode> texts = new ArrayList<>();
            while (texts.size() < 2) {
                List<JsonNode> seen = client.eventsUntil(e -> is(e, "nodetelemetry", id, "telemetry"), 10_000, "telemetry");
                texts.add(seen.get(seen.size() - 1).get("data"));
            }
            System.out.println("SessionEventsTest truncation: " + texts);
            assertEquals("text.received", texts.get(0).get("event_type").asText());
            assertEquals(shortSentence, texts.get(0).get("text_preview").asText(), "a short string passes unchanged");
            assertEquals(longSentence.substring(0, 100) + "...[truncated]", texts.get(1).get("text_preview").asText());
            assertEquals(longSentence.getBytes(StandardCharsets.UTF_8).length, texts.get(1).get("length").asInt());
        }
    }

    private static String longWav() throws IOException {
        return wav("stats-long.wav", 20.0);
    }

    private static String shortWav() throws IOException {
        return wav("stats-short.wav", 3.0);
    }

    /** A 440 Hz sine of {@code seconds} in the samples directory, named {@code name}; returns the name. */
    private static String wav(String name, double seconds) throws IOException {
        running.get().writeSample(name, TestAudio.sineWav(48000, 1, 440, 0.5, seconds));
        return name;
    }

    /** Whether {@code states} never go back: Initializing, Ready, Running (Recovering, Degraded), then Stopped or Failed. */
    private static boolean isLifecycleOrder(List<String> states) {
        List<String> order = List.of("Initializing", "Ready", "Running", "Stopped");
        int rank = 0;
        for (String state : states) {
            int next = order.indexOf(state);
            if (next < 0) next = state.equals("Failed") ? 3 : 2;
            if (next < rank) return false;
            rank = next;
        }
        return true;
    }
}
