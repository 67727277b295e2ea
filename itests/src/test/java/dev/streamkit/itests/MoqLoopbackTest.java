package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's acceptance without a browser, over loopback QUIC and the server's own gateway: one session's
 * {@code transport::moq::publisher} pushes a paced Opus tone to {@code /moq/input}, a second session's
 * {@code transport::moq::peer} decodes it, doubles it and encodes it again, and a third session's
 * {@code transport::moq::subscriber} pulls {@code /moq/output}. (The resampler only retypes the WAV demuxer's
 * declared stereo: the tone is mono at 48 kHz already.) Telemetry taps measure 200 ms windows before
 * the push and after the pull: the level rises by 6 dB and as much audio arrives as was sent.
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
        running.get().writeSample("moq-tone.wav", TestAudio.sineWav(48000, 1, 440, AMPLITUDE, SECONDS));
        String base = "http://127.0.0.1:" + running.get().port + "/moq";
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String peer = client.createSession("moq-gain", MoqPeers.gainSession("/moq", true, GAIN));
            String watch = client.createSession("moq-watch", MoqPeers.watchSession(base + "/output"));
            client.eventsUntil(e -> MoqPeers.watchers(e, peer, 1), 15_000, "the subscriber at the peer");

            String push = client.createSession("moq-push", PacedTone.source("moq-tone.wav") + """
                      mono: { kind: audio::resampler, params: { target_sample_rate: 48000 }, needs: pace }
                      enc: { kind: audio::opus::encoder, needs: mono }
                      push: { kind: transport::moq::publisher, params: { url: "%s/input", broadcast: input, channels: 1 }, needs: enc }
                    """.formatted(base) + ControlClient.levelTapYaml("pace"));
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
}
