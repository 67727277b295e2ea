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
 * A {@code transport::moq::subscriber}'s track pin wired over the WebSocket, over loopback QUIC: a publisher
 * session pushes a paced Opus tone to a peer session, a watching session's subscriber pulls the peer's output,
 * and a {@code connect} from {@code pull.audio/data} (a pin of the family its catalog fills) to a decoder makes
 * the tone's level show at a tap behind it. A pin the family does not admit is refused.
 */
class MoqTrackPinsTest {

    private static final double SECONDS = 4.0;

    @RegisterExtension
    static final RunningServer running = new RunningServer("");

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    private static Map<String, Object> connect(String sessionId, String fromPin) {
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
        running.get().writeSample("moq-pins.wav", TestAudio.sineWav(48000, 1, 440, 0.2, SECONDS));
        String base = "http://127.0.0.1:" + running.get().port + "/moq";
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String peer = client.createSession("pins-peer", """
                    nodes:
                      moq_peer: { kind: transport::moq::peer, params: { gateway_path: /moq, allow_reconnect: true }, needs: enc }
                      dec: { kind: audio::opus::decoder, needs: moq_peer }
                      enc: { kind: audio::opus::encoder, needs: dec }
                    """);
            String watch = client.createSession("pins-watch", """
                    nodes:
                      pull: { kind: transport::moq::subscriber, params: { url: "%s/output", broadcast: output } }
                      dec: { kind: audio::opus::decoder }
                    """.formatted(base) + ControlClient.levelTapYaml("dec"));

            JsonNode refused = client.request("bad", connect(watch, "audio"));
            assertEquals("error", refused.get("action").asText(), refused.toString());
            assertTrue(refused.get("message").asText().contains("Unknown output pin 'pull.audio'"), refused.toString());
            JsonNode linked = client.request("link", connect(watch, "audio/data"));
            assertEquals("success", linked.get("action").asText(), linked.toString());

            client.eventsUntil(e -> NodeEvents.is(e, "nodetelemetry", peer, "moq_peer")
                    && "moq.subscribers".equals(e.at("/data/event_type").asText()), 15_000, "the subscriber at the peer");
            client.createSession("pins-push", PacedTone.source("moq-pins.wav") + """
                      mono: { kind: audio::resampler, params: { target_sample_rate: 48000 }, needs: pace }
                      enc: { kind: audio::opus::encoder, needs: mono }
                      push: { kind: transport::moq::publisher, params: { url: "%s/input", broadcast: input, channels: 1 }, needs: enc }
                    """.formatted(base));
            List<JsonNode> events = client.eventsDuring((long) (SECONDS * 1000) + 3_000);

            LevelReadings received = LevelReadings.of(events, watch, "tap");
            System.out.printf("MoqTrackPinsTest: %s on pull.audio/data%n", received);
            assertTrue(received.size() >= SECONDS * 1000 / 200 / 2, "the tone arrived through audio/data: " + received);
            assertTrue(received.skip(2).meanRms() > 0.01, "audible: " + received);
        }
    }
}
