package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of {@code /api/v1/control}: sends request envelopes, waits (bounded) for responses and events. */
final class ControlClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MS = 10_000;

    final WebSocket socket;
    final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** Events skipped while waiting for a response, for a later {@link #awaitEvent}. */
    private final java.util.ArrayDeque<JsonNode> backlog = new java.util.ArrayDeque<>();

    private ControlClient(WebSocket socket) {
        this.socket = socket;
    }

    static ControlClient connect(int port) throws Exception {
        return connect(port, null);
    }

    /** Connects, sending {@code origin} as the Origin header when not null. */
    static ControlClient connect(int port, String origin) throws Exception {
        return connect(port, origin, Map.of());
    }

    /** Connects as {@code role}, named in the {@code x-role} header (servers configured with that role header). */
    static ControlClient connectAs(int port, String role) throws Exception {
        return connect(port, null, Map.of("x-role", role));
    }

    /** Connects with {@code origin} (when not null) and the extra upgrade request {@code headers}. */
    static ControlClient connect(int port, String origin, Map<String, String> headers) throws Exception {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) builder.header("Origin", origin);
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/control"), listener)
                .get(10, TimeUnit.SECONDS);
        ControlClient client = new ControlClient(socket);
        listener.client.complete(client);
        return client;
    }

    /** Sends {@code {type:request, correlation_id, payload}} and returns the response payload with that id. */
    JsonNode request(String correlationId, Map<String, Object> payload) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", "request");
        envelope.put("correlation_id", correlationId);
        envelope.put("payload", payload);
        socket.sendText(JSON.writeValueAsString(envelope), true).get(10, TimeUnit.SECONDS);
        return awaitResponse(correlationId);
    }

    /** Creates a session named {@code name} from pipeline {@code yaml} with {@code createsession}; returns its id. */
    String createSession(String name, String yaml) throws Exception {
        JsonNode created = request("create-" + name, Map.of("action", "createsession", "name", name, "yaml", yaml));
        if (!"sessioncreated".equals(created.path("action").asText())) throw new AssertionError("createsession: " + created);
        return created.get("session_id").asText();
    }

    /** The next response whose correlation id is {@code correlationId} (null: none), skipping events. */
    JsonNode awaitResponse(String correlationId) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < end) {
            JsonNode next = messages.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            if (next == null) break;
            if (!"response".equals(next.path("type").asText())) {
                backlog.add(next);
                continue;
            }
            JsonNode id = next.get("correlation_id");
            if (correlationId == null ? id == null : id != null && correlationId.equals(id.asText())) return next.get("payload");
        }
        throw new AssertionError("no response " + correlationId + " within " + WAIT_MS + " ms");
    }

    /** The next event named {@code event} matching {@code sessionId} (if not null), skipping others. */
    JsonNode awaitEvent(String event, String sessionId) throws Exception {
        List<JsonNode> events = eventsUntil(event, sessionId);
        return events.get(events.size() - 1);
    }

    /**
     * Every event payload received up to and including the next event named {@code event} matching
     * {@code sessionId} (if not null); events arrive in the order the server sent them.
     */
    List<JsonNode> eventsUntil(String event, String sessionId) throws Exception {
        return eventsUntil(payload -> event.equals(payload.path("event").asText())
                && (sessionId == null || sessionId.equals(payload.path("session_id").asText())), WAIT_MS, "event " + event);
    }

    /**
     * Every event payload received up to and including the next one {@code match} accepts, waiting at
     * most {@code timeoutMs}; fails naming {@code what} when none comes.
     */
    List<JsonNode> eventsUntil(Predicate<JsonNode> match, long timeoutMs, String what) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long end = System.currentTimeMillis() + timeoutMs;
        for (JsonNode payload = nextEvent(end); payload != null; payload = nextEvent(end)) {
            seen.add(payload);
            if (match.test(payload)) return seen;
        }
        throw new AssertionError("no " + what + " within " + timeoutMs + " ms; saw " + seen.size() + " other events");
    }

    /** Every event payload received during the next {@code millis}. */
    List<JsonNode> eventsDuring(long millis) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        for (JsonNode payload = nextEvent(end); payload != null; payload = nextEvent(end)) seen.add(payload);
        return seen;
    }

    /** The counters in the next {@code nodestatsupdated} of {@code nodeId} in {@code sessionId}, awaited at most {@code timeoutMs}. */
    JsonNode nextStats(String sessionId, String nodeId, long timeoutMs) throws Exception {
        List<JsonNode> seen = eventsUntil(e -> NodeEvents.is(e, "nodestatsupdated", sessionId, nodeId), timeoutMs, nodeId + " stats");
        return seen.get(seen.size() - 1).get("stats");
    }

    /**
     * Every event up to the {@code Stopped} of the last of {@code nodes} of {@code sessionId} to end (in any
     * order: inline chains end downstream first), all within {@code timeoutMs}.
     */
    List<JsonNode> untilStopped(String sessionId, Collection<String> nodes, long timeoutMs) throws Exception {
        return untilEach(sessionId, new HashSet<>(nodes), e -> e.at("/state/Stopped").isObject(), timeoutMs, "Stopped");
    }

    /**
     * The events received until each of {@code nodes} of {@code sessionId} has ended ({@code Stopped} or
     * {@code Failed}), counting the ends already among {@code seen}; all within {@code timeoutMs}.
     */
    List<JsonNode> untilEnded(List<JsonNode> seen, String sessionId, Collection<String> nodes, long timeoutMs) throws Exception {
        Set<String> running = new HashSet<>(nodes);
        running.removeIf(node -> NodeEvents.endedAt(seen, sessionId, node) >= 0);
        return untilEach(sessionId, running, NodeEvents::isEnd, timeoutMs, "end");
    }

    /**
     * Every event until each of {@code pending} nodes of {@code sessionId} has had a {@code nodestatechanged}
     * that {@code state} accepts, all within {@code timeoutMs}; fails naming the {@code what} still missing.
     */
    private List<JsonNode> untilEach(String sessionId, Set<String> pending, Predicate<JsonNode> state, long timeoutMs,
                                     String what) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long end = System.currentTimeMillis() + timeoutMs;
        while (!pending.isEmpty()) {
            events.addAll(eventsUntil(e -> NodeEvents.is(e, "nodestatechanged", sessionId, null) && state.test(e)
                    && pending.contains(e.path("node_id").asText()), Math.max(1, end - System.currentTimeMillis()), what + " of " + pending));
            pending.remove(events.get(events.size() - 1).get("node_id").asText());
        }
        return events;
    }

    /** A request payload {@code {action, session_id?, field: value...}} ({@code sessionId} null: none, as in a batch). */
    static Map<String, Object> op(String action, String sessionId, Object... fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        if (sessionId != null) payload.put("session_id", sessionId);
        for (int i = 0; i < fields.length; i += 2) payload.put((String) fields[i], fields[i + 1]);
        return payload;
    }

    /**
     * Pipeline YAML lines (under {@code nodes:}) for a {@code core::telemetry_tap} named {@code tap} after
     * {@code upstream}, measuring every 200 ms of audio for {@link #audioLevels}, and a {@code core::sink} after it.
     */
    static String levelTapYaml(String upstream) {
        return """
                  tap:
                    kind: core::telemetry_tap
                    params: { packet_types: ["Audio"], audio_sample_interval_ms: 200 }
                    needs: %s
                  sink: { kind: core::sink, needs: tap }
                """.formatted(upstream);
    }

    /**
     * The {@code rms} of the next {@code count} {@code audio.level} telemetry events of {@code nodeId} in
     * {@code sessionId} (a {@code core::telemetry_tap}), each awaited at most {@link #WAIT_MS}.
     */
    List<Double> audioLevels(String sessionId, String nodeId, int count) throws Exception {
        List<Double> levels = new ArrayList<>();
        while (levels.size() < count) {
            List<JsonNode> seen = eventsUntil(payload -> "nodetelemetry".equals(payload.path("event").asText())
                    && sessionId.equals(payload.path("session_id").asText()) && nodeId.equals(payload.path("node_id").asText())
                    && "audio.level".equals(payload.at("/data/event_type").asText()), WAIT_MS, "audio.level of " + nodeId);
            levels.add(seen.get(seen.size() - 1).at("/data/rms").asDouble());
        }
        return levels;
    }

    /** The next event payload (backlog first), or null once {@code endMillis} has passed. */
    private JsonNode nextEvent(long endMillis) throws InterruptedException {
        while (true) {
            JsonNode next = backlog.isEmpty() ? null : backlog.poll();
            if (next == null) {
                long left = endMillis - System.currentTimeMillis();
                if (left <= 0) return null;
                next = messages.poll(left, TimeUnit.MILLISECONDS);
                if (next == null) return null;
            }
            if ("event".equals(next.path("type").asText())) return next.path("payload");
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<ControlClient> client = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                client.thenAccept(c -> {
                    try {
                        c.messages.add(JSON.readTree(text));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.thenAccept(c -> c.closed.complete(statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            client.thenAccept(c -> c.closed.completeExceptionally(error));
        }
    }
}
