package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Queries over the event payloads a {@link ControlClient} received from one session, in the order the
 * server sent them: a node's successive states ({@code nodestatechanged}) and counters
 * ({@code nodestatsupdated}).
 */
final class NodeEvents {

    private NodeEvents() {
    }

    /** Whether {@code event} is named {@code name}, of {@code sessionId} and, unless null, of {@code nodeId}. */
    static boolean is(JsonNode event, String name, String sessionId, String nodeId) {
        return name.equals(event.path("event").asText()) && sessionId.equals(event.path("session_id").asText())
                && (nodeId == null || nodeId.equals(event.path("node_id").asText()));
    }

    /** The names of {@code node}'s successive states ({@code Running}, {@code Stopped}, ...). */
    static List<String> states(List<JsonNode> events, String sessionId, String node) {
        List<String> states = new ArrayList<>();
        for (JsonNode event : events) {
            if (!is(event, "nodestatechanged", sessionId, node)) continue;
            JsonNode state = event.get("state");
            states.add(state.isTextual() ? state.asText() : state.fieldNames().next());
        }
        return states;
    }

    /** The index of {@code node}'s first {@code Stopped} state. */
    static int stoppedAt(List<JsonNode> events, String sessionId, String node) {
        int index = firstStopped(events, sessionId, node);
        if (index < 0) throw new AssertionError(node + " never stopped: " + events);
        return index;
    }

    /** Whether {@code events} hold a {@code Stopped} state of {@code node}. */
    static boolean stopped(List<JsonNode> events, String sessionId, String node) {
        return firstStopped(events, sessionId, node) >= 0;
    }

    private static int firstStopped(List<JsonNode> events, String sessionId, String node) {
        return indexOf(events, 0, e -> is(e, "nodestatechanged", sessionId, node) && e.at("/state/Stopped").isObject());
    }

    /** Whether {@code event} is a {@code nodestatechanged} to an end state ({@code Stopped} or {@code Failed}). */
    static boolean isEnd(JsonNode event) {
        return "nodestatechanged".equals(event.path("event").asText())
                && (event.at("/state/Stopped").isObject() || event.at("/state/Failed").isObject());
    }

    /** The index of {@code node}'s first end state ({@code Stopped} or {@code Failed}), or -1. */
    static int endedAt(List<JsonNode> events, String sessionId, String node) {
        return indexOf(events, 0, e -> isEnd(e) && is(e, "nodestatechanged", sessionId, node));
    }

    /** {@code node}'s first end state, e.g. {@code {"Failed": {"reason": "..."}}}; fails when it did not end. */
    static JsonNode endState(List<JsonNode> events, String sessionId, String node) {
        int index = endedAt(events, sessionId, node);
        if (index < 0) throw new AssertionError(node + " never ended; its states: " + states(events, sessionId, node));
        return events.get(index).get("state");
    }

    /** The index of the first event at or after {@code from} that {@code match} accepts, or -1. */
    static int indexOf(List<JsonNode> events, int from, Predicate<JsonNode> match) {
        for (int i = Math.max(0, from); i < events.size(); i++) {
            if (match.test(events.get(i))) return i;
        }
        return -1;
    }

    /** The server's {@code timestamp} (RFC 3339) of a state or stats event, in epoch milliseconds. */
    static long epochMillis(JsonNode event) {
        return Instant.parse(event.get("timestamp").asText()).toEpochMilli();
    }

    /** The index of {@code node}'s last {@code nodestatsupdated} before {@code end}, or -1. */
    static int lastStatsBefore(List<JsonNode> events, String sessionId, String node, int end) {
        int last = -1;
        for (int i = 0; i < end; i++) {
            if (is(events.get(i), "nodestatsupdated", sessionId, node)) last = i;
        }
        return last;
    }

    /** {@code node}'s counters as last published before its {@code Stopped}: its final ones. */
    static JsonNode statsBeforeStopped(List<JsonNode> events, String sessionId, String node) {
        int last = lastStatsBefore(events, sessionId, node, stoppedAt(events, sessionId, node));
        if (last < 0) throw new AssertionError(node + ": no nodestatsupdated before Stopped: " + events);
        return events.get(last).get("stats");
    }

    /** {@code node}'s last published counters, or null. */
    static JsonNode lastStats(List<JsonNode> events, String sessionId, String node) {
        int last = lastStatsBefore(events, sessionId, node, events.size());
        return last < 0 ? null : events.get(last).get("stats");
    }

    /** The successive values of {@code node}'s counter {@code field} ({@code received}, {@code discarded}...). */
    static List<Long> counter(List<JsonNode> events, String sessionId, String node, String field) {
        List<Long> values = new ArrayList<>();
        for (JsonNode event : events) {
            if (is(event, "nodestatsupdated", sessionId, node)) values.add(event.at("/stats/" + field).asLong());
        }
        return values;
    }

    /**
     * The counters {@code node} last published before each of its {@code noderemoved} events (a node id
     * added and removed again and again); null where it published none in between.
     */
    static List<JsonNode> statsAtEachRemoval(List<JsonNode> events, String sessionId, String node) {
        List<JsonNode> removals = new ArrayList<>();
        JsonNode latest = null;
        for (JsonNode event : events) {
            if (is(event, "nodestatsupdated", sessionId, node)) {
                latest = event.get("stats");
            } else if (is(event, "noderemoved", sessionId, node)) {
                removals.add(latest);
                latest = null;
            }
        }
        return removals;
    }
}
