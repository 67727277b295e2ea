package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pipelines and node events of the MoQ tests: a {@code transport::moq::peer} session that decodes what its
 * publisher sends, applies a gain and encodes it again for its watchers, and a watching session whose
 * {@code transport::moq::subscriber} feeds a level tap.
 */
final class MoqPeers {

    /** The peer node's id in {@link #gainSession}. */
    static final String PEER = "moq_peer";
    /** The subscriber node's id in {@link #watchSession}. */
    static final String PULL = "pull";

    private MoqPeers() {
    }

    /** Session YAML: a peer on {@code gatewayPath} → Opus decoder → gain → Opus encoder → the peer's output. */
    static String gainSession(String gatewayPath, boolean allowReconnect, double gain) {
        return """
                nodes:
                  moq_peer: { kind: transport::moq::peer, params: { gateway_path: %s, allow_reconnect: %s }, needs: enc }
                  dec: { kind: audio::opus::decoder, needs: moq_peer }
                  gain: { kind: audio::gain, params: { gain: %s }, needs: dec }
                  enc: { kind: audio::opus::encoder, needs: gain }
                """.formatted(gatewayPath, allowReconnect, gain);
    }

    /** Session YAML: a subscriber of {@code url}'s broadcast {@code output}, decoded into a level tap ({@code tap}). */
    static String watchSession(String url) {
        return """
                nodes:
                  pull: { kind: transport::moq::subscriber, params: { url: "%s", broadcast: output } }
                  dec: { kind: audio::opus::decoder, needs: pull }
                """.formatted(url) + ControlClient.levelTapYaml("dec");
    }

    /** Whether {@code event} is the peer's watcher count telemetry reporting at least {@code count}. */
    static boolean watchers(JsonNode event, String sessionId, int count) {
        return NodeEvents.is(event, "nodetelemetry", sessionId, PEER)
                && "moq.subscribers".equals(event.at("/data/event_type").asText()) && event.at("/data/count").asInt() >= count;
    }

    /** Whether {@code event} turns {@code node} to {@code Recovering} with {@code reason}. */
    static boolean recovering(JsonNode event, String sessionId, String node, String reason) {
        return NodeEvents.is(event, "nodestatechanged", sessionId, node)
                && reason.equals(event.at("/state/Recovering/reason").asText());
    }

    /** Whether {@code event} turns {@code node} to {@code Running}. */
    static boolean running(JsonNode event, String sessionId, String node) {
        return NodeEvents.is(event, "nodestatechanged", sessionId, node) && "Running".equals(event.path("state").asText());
    }
}
