package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tuning a running session over {@code /api/v1/control} changes the audio that follows: a telemetry tap
 * after a live {@code audio::gain} measures the level of each 200 ms of audio, and each tune moves that
 * level by the gain ratio in decibels. The pacer fills no stalls with silence, which would lower a window's
 * level on a loaded machine.
 */
class LiveTuningTest {

    /** Sine amplitude in the file: 0.25 leaves room for a gain of 2 without clipping. */
    private static final double AMPLITUDE = 0.25;
    private static final double TOLERANCE_DB = 0.3;
    private static final String YAML = """
            nodes:
              read: { kind: core::file_reader, params: { path: samples/tone-tune.wav } }
              demux: { kind: containers::wav::demuxer, needs: read }
              pace: { kind: audio::pacer, params: { speed: 1.0, generate_silence: false }, needs: demux }
              gain: { kind: audio::gain, params: { gain: 1.0 }, needs: pace }
            """ + ControlClient.levelTapYaml("gain");

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    @Test
    void tunedGainChangesTheMeasuredLevelOfTheFollowingAudio() throws Exception {
        running.get().writeSample("tone-tune.wav", TestAudio.sineWav(48000, 1, 440, AMPLITUDE, 20.0));
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("tuning", YAML);

            List<Double> unity = steadyLevels(client, id);
            double baseline = unity.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertDecibels(0.0, TestAudio.decibels(baseline / (AMPLITUDE / Math.sqrt(2))), "unity level vs the file's sine", unity);

            for (double gain : new double[] {2.0, 0.5}) {
                tune(client, id, gain);
                List<Double> tuned = steadyLevels(client, id);
                for (double level : tuned) {
                    assertDecibels(TestAudio.decibels(gain), TestAudio.decibels(level / baseline), "gain " + gain, tuned);
                }
                System.out.printf("LiveTuningTest: gain %.1f: %+.3f dB (expected %+.3f) over %s, baseline rms %.5f%n",
                        gain, TestAudio.decibels(tuned.get(0) / baseline), TestAudio.decibels(gain), tuned, baseline);
            }
        }
    }

    /** Tunes the gain and checks the answer and the broadcast; leaves later events to read. */
    private static void tune(ControlClient client, String id, double gain) throws Exception {
        JsonNode tuned = client.request("t" + gain, Map.of("action", "tunenode", "session_id", id, "node_id", "gain",
                "message", Map.of("UpdateParams", Map.of("gain", gain))));
        assertEquals("success", tuned.get("action").asText(), tuned.toString());
        JsonNode changed = client.awaitEvent("nodeparamschanged", id);
        assertEquals("gain", changed.get("node_id").asText());
        assertEquals(gain, changed.at("/params/gain").asDouble(), changed.toString());
    }

    /**
     * Four consecutive levels after skipping two: the first windows may predate the last change (the
     * pacer's start, or a tune landing mid-window).
     */
    private static List<Double> steadyLevels(ControlClient client, String id) throws Exception {
        client.audioLevels(id, "tap", 2);
        return client.audioLevels(id, "tap", 4);
    }

    private static void assertDecibels(double expected, double actual, String what, List<Double> levels) {
        assertEquals(expected, actual, TOLERANCE_DB, what + ": " + actual + " dB, levels " + levels);
    }
}
