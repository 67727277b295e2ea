package dev.streamkit.itests;

import static dev.streamkit.itests.NodeEvents.endState;
import static dev.streamkit.itests.NodeEvents.endedAt;
import static dev.streamkit.itests.NodeEvents.epochMillis;
import static dev.streamkit.itests.NodeEvents.states;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the consumers of a failed node must end (engine contract): promptly, {@code Stopped} with a reason
 * starting {@code upstream_failed} or {@code Failed}, either way with a reason that names the failed node.
 */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    /** Whether end {@code state} ({@code {"Stopped": {"reason": ...}}} or {@code Failed}) blames {@code failedNode}. */
    static boolean blames(JsonNode state, String failedNode) {
        String stopped = state.at("/Stopped/reason").asText(null);
        String failed = state.at("/Failed/reason").asText(null);
        String reason = stopped != null && stopped.startsWith("upstream_failed") ? stopped : failed;
        return reason != null && reason.contains(failedNode);
    }

    /**
     * Each of {@code consumers} of {@code sessionId} ended within {@code withinMs} of {@code failedAt} (epoch
     * ms, the failure's event stamp), blaming {@code failedNode}.
     */
    static void assertConsumersEnded(List<JsonNode> events, String sessionId, List<String> consumers, String failedNode,
                                     long failedAt, long withinMs) {
        for (String node : consumers) {
            int ended = endedAt(events, sessionId, node);
            assertTrue(ended >= 0, node + " did not end after " + failedNode + " failed; its states: " + states(events, sessionId, node));
            JsonNode state = endState(events, sessionId, node);
            assertTrue(blames(state, failedNode), node + " ended without naming " + failedNode + ": " + state);
            long after = epochMillis(events.get(ended)) - failedAt;
            assertTrue(after <= withinMs, node + " ended " + after + " ms after " + failedNode + " failed");
        }
    }
}
