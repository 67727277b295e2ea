package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's acceptance without a browser, over loopback QUIC and the server's own gateway: one session's
 * {@code transport::moq::publisher} pushes a paced Opus tone to {@code /moq/input}, a second session's
 * {@code transport::moq::peer} decodes it, doubles it and encodes it again, and a third session's
 * {@code transport::moq::subscriber} pulls {@code /moq/output}. (The resampler only retypes the WAV demuxer's
 * declared stereo: the tone is mono at 48 kHz already.) Telemetry taps measure 200 ms windows before
 * the push and after the pull: the level rises by 6 dB and as much audio arrives as was sent. A second test wires
 * the subscriber's track pin {@code pull.audio/data} (of the pin family its catalog fills) with a WebSocket
 * {@code connect}.
 */
class MoqLoopbackTest {

    private static final double AMPLITUDE = 0.2;
    private static final double SECONDS = 6.0;
    private static final double GAIN = 2.0;
    private static final double TOLERANCE_DB = 1.0;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    @Test
    void aToneCrossesThreeSessionsOverMoqWithTheGainApplied() throws Exception {
        String base = toneAndGateway();
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String peer = client.createSession("moq-gain", MoqPeers.gainSession("/moq", true, GAIN));
            String watch = client.createSession("moq-watch", MoqPeers.watchSession(base + "/output"));
            client.eventsUntil(e -> MoqPeers.watchers(e, peer, 1), 15_000, "the subscriber at the peer");

            String push = client.createSession("moq-push", pushYaml(base) + ControlClient.levelTapYaml("pace"));
            List<JsonNode> events = client.eventsDuring((long) (SECONDS * 1000) + 4_000);

            LevelReadings sent = LevelReadings.of(events, push, "tap");
            LevelReadings received = LevelReadings.of(events, watch, "tap");
            double expectedWindows = SECONDS * 1000 / 200;
            assertEquals(expectedWindows, sent.size(), 1, "the tone as sent: " + sent);
            assertEquals(sent.size(), received.size(), expectedWindows * 0.1, "as much audio received as sent (10 %): " + received);

            double rise = TestAudio.decibels(received.steadyRms() / sent.steadyRms());
            System.out.printf("MoqLoopbackTest: %d windows sent, %d received, level %+.2f dB (expected %+.2f)%n",
                    sent.size(), received.size(), rise, TestAudio.decibels(GAIN));
            assertEquals(TestAudio.decibels(GAIN), rise, TOLERANCE_DB, "the peer's gain in the received level");
            assertTrue(received.size() > 4, "enough readings to judge");
        }
    }

    /** Writes the tone to {@code samples/moq-tone.wav}; returns the gateway's URL. */
    private static String toneAndGateway() throws Exception {
        running.get().writeSample("moq-tone.wav", TestAudio.sineWav(48000, 1, 440, AMPLITUDE, SECONDS));
        return "http://127.0.0.1:" + running.get().port + "/moq";
    }

    /** A session pushing the paced tone {@code samples/moq-tone.wav} to {@code {base}/input}. */
    private static String pushYaml(String base) {
        return PacedTone.source("moq-tone.wav") + """
                  mono: { kind: audio::resampler, params: { target_sample_rate: 48000 }, needs: pace }
                  enc: { kind: audio::opus::encoder, needs: mono }
                  push: { kind: transport::moq::publisher, params: { url: "%s/input", broadcast: input, channels: 1 }, needs: enc }
                """.formatted(base);
    }

    /** A WebSocket {@code connect} from {@code pull.<fromPin>} to {@code dec.in}. */
    private static Map<String, Object> connectPull(String sessionId, String fromPin) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("action", "connect");
        op.put("session_id", sessionId);
        op.put("from_node", "pull");
        op.put("from_pin", fromPin);
        op.put("to_node", "dec");
        op.put("to_pin", "in");
        return op;
    }

    @Test
    void aConnectFromTheSubscribersTrackPinCarriesTheTrack() throws Exception {
        String base = toneAndGateway();
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String peer = client.createSession("pins-peer", MoqPeers.gainSession("/moq", false, 1.0));
            String watch = client.createSession("pins-watch", """
                    nodes:
                      pull: { kind: transport::moq::subscriber, params: { url: "%s/output", broadcast: output } }
                      dec: { kind: audio::opus::decoder }
                    """.formatted(base) + ControlClient.levelTapYaml("dec"));
            JsonNode refused = client.request("bad", connectPull(watch, "audio"));
            assertEquals("error", refused.get("action").asText(), refused.toString());
            assertTrue(refused.get("message").asText().contains("Unknown output pin 'pull.audio'"), refused.toString());
            JsonNode linked = client.request("link", connectPull(watch, "audio/data"));
            assertEquals("success", linked.get("action").asText(), linked.toString());

            client.eventsUntil(e -> MoqPeers.watchers(e, peer, 1), 15_000, "the subscriber at the peer");
            client.createSession("pins-push", pushYaml(base));
            LevelReadings received = LevelReadings.of(client.eventsDuring((long) (SECONDS * 1000) + 3_000), watch, "tap");
            System.out.printf("MoqLoopbackTest: %s on pull.audio/data%n", received);
            assertTrue(received.size() >= SECONDS * 1000 / 200 / 2, "the tone arrived through audio/data: " + received);
            assertTrue(received.skip(2).meanRms() > AMPLITUDE / 4, "audible: " + received);
        }
    }
}
