package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code audio::mixer}'s dynamic input pins in a running session: a second paced source connected to
 * {@code in_1} over {@code /api/v1/control} joins the mix, and leaves it again when disconnected while the
 * mixer keeps running. A telemetry tap after the mixer measures each 200 ms of the mix.
 *
 * <pre>
 *   read_a ─▶ demux_a ─▶ pace_a ─▶ mix.in_0 ─▶ tap ─▶ sink
 *   read_b ─▶ demux_b ─▶ pace_b ─▶ mix.in_1        (added, connected, disconnected live)
 * </pre>
 *
 * The sources are sines of 440 and 660 Hz, whose product averages to zero over 200 ms: the mix's power is
 * the sum of theirs. Source B has twice A's amplitude, so the mix is √5 times A alone (+6.99 dB). The pacers
 * fill no stalls with silence, which would lower a window's level on a loaded machine.
 */
class LiveMixerPinsTest {

    private static final double AMPLITUDE_A = 0.2;
    private static final double AMPLITUDE_B = 0.4;
    private static final double TOLERANCE_DB = 0.5;
    private static final long WAIT_MS = 15_000;
    private static final String YAML = """
            nodes:
              read_a: { kind: core::file_reader, params: { path: samples/mix-a.wav } }
              demux_a: { kind: containers::wav::demuxer, needs: read_a }
              pace_a: { kind: audio::pacer, params: { generate_silence: false }, needs: demux_a }
              mix: { kind: audio::mixer, needs: pace_a }
            """ + ControlClient.levelTapYaml("mix");

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    @Test
    void secondSourceJoinsAndLeavesTheMixWhileTheMixerKeepsRunning() throws Exception {
        running.get().writeSample("mix-a.wav", TestAudio.sineWav(48000, 1, 440, AMPLITUDE_A, 20.0));
        running.get().writeSample("mix-b.wav", TestAudio.sineWav(48000, 1, 660, AMPLITUDE_B, 20.0));
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("mix-pins", YAML);
            double alone = mean(steady(client, id, 0));
            assertEquals(0.0, TestAudio.decibels(alone / (AMPLITUDE_A / Math.sqrt(2))), TOLERANCE_DB, "A alone: " + alone);

            JsonNode batch = client.request("b", Map.of("action", "applybatch", "session_id", id, "operations", List.of(
                    Map.of("action", "addnode", "node_id", "read_b", "kind", "core::file_reader",
                            "params", Map.of("path", "samples/mix-b.wav")),
                    Map.of("action", "addnode", "node_id", "demux_b", "kind", "containers::wav::demuxer"),
                    Map.of("action", "addnode", "node_id", "pace_b", "kind", "audio::pacer",
                            "params", Map.of("generate_silence", false)),
                    link("connect", "read_b", "out", "demux_b", "in"),
                    link("connect", "demux_b", "out", "pace_b", "in"),
                    link("connect", "pace_b", "out", "mix", "in_1"))));
            assertEquals("batchapplied", batch.get("action").asText(), batch.toString());
            double mixed = Math.sqrt(alone * alone * (1 + Math.pow(AMPLITUDE_B / AMPLITUDE_A, 2)));
            List<Double> joined = steady(client, id, mixed);
            assertEquals(0.0, TestAudio.decibels(mean(joined) / mixed), TOLERANCE_DB, "A + B: " + joined + " vs " + mixed);

            JsonNode unlinked = client.request("d", link("disconnect", "pace_b", "out", "mix", "in_1", "session_id", id));
            assertEquals("success", unlinked.get("action").asText(), unlinked.toString());
            List<Double> left = steady(client, id, alone);
            assertEquals(0.0, TestAudio.decibels(mean(left) / alone), TOLERANCE_DB, "A after B left: " + left + " vs " + alone);

            JsonNode pipeline = client.request("p", Map.of("action", "getpipeline", "session_id", id)).get("pipeline");
            assertEquals("Running", pipeline.at("/nodes/mix/state").asText(), pipeline.toString());
            List<Double> later = client.audioLevels(id, "tap", 3);
            assertEquals(0.0, TestAudio.decibels(mean(later) / alone), TOLERANCE_DB, "the mix keeps flowing: " + later);
            System.out.printf("LiveMixerPinsTest: A %.5f, A+B %s (expected %.5f, %+.2f dB), after disconnect %s%n",
                    alone, joined, mixed, TestAudio.decibels(mixed / alone), left);
        }
    }

    /**
     * Four consecutive levels of the mix once it is near {@code target}: after the first level within
     * {@link #TOLERANCE_DB} of it and one more (the change may fall inside it). With {@code target} 0 (the
     * session's start) after skipping two levels.
     */
    private static List<Double> steady(ControlClient client, String id, double target) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        List<Double> seen = new ArrayList<>();
        while (target > 0 && (seen.isEmpty() || Math.abs(TestAudio.decibels(seen.get(seen.size() - 1) / target)) > TOLERANCE_DB)) {
            assertTrue(System.currentTimeMillis() < end, "the level did not reach " + target + ": " + seen);
            seen.addAll(client.audioLevels(id, "tap", 1));
        }
        client.audioLevels(id, "tap", target > 0 ? 1 : 2);
        return client.audioLevels(id, "tap", 4);
    }

    private static Map<String, Object> link(String action, String fromNode, String fromPin, String toNode, String toPin,
                                            Object... more) {
        Map<String, Object> op = new LinkedHashMap<>(Map.of("action", action, "from_node", fromNode, "from_pin", fromPin,
                "to_node", toNode, "to_pin", toPin));
        for (int i = 0; i < more.length; i += 2) op.put((String) more[i], more[i + 1]);
        return op;
    }

    private static double mean(List<Double> levels) {
        return levels.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
