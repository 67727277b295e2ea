package dev.streamkit.itests;

import static dev.streamkit.itests.ControlClient.op;
import static dev.streamkit.itests.NodeEvents.counter;
import static dev.streamkit.itests.NodeEvents.is;
import static dev.streamkit.itests.NodeEvents.lastStats;
import static dev.streamkit.itests.NodeEvents.states;
import static dev.streamkit.itests.NodeEvents.statsAtEachRemoval;
import static dev.streamkit.itests.NodeEvents.statsBeforeStopped;
import static dev.streamkit.itests.NodeEvents.stopped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live graph edits on a session whose source is held back by a real-time pacer, and the drops a
 * best-effort connection counts.
 *
 * <pre>
 *   read ─▶ demux ─▶ pace ─▶ sink
 *             ├─────▶ extraN   (added, connected, disconnected, reconnected best-effort, removed)
 *             └─────▶ slow     (a pacer far slower than real time)
 * </pre>
 *
 * A reliable chain parks the demuxer on the pacer's full mailbox, which wakes it again at half capacity: it
 * sends in bursts of 64 frames every 1.28 s. Edits must neither wait for it nor stall it; a slow reliable
 * target holds the whole chain back until it is detached. Over a best-effort connection the demuxer never
 * waits: a packet that finds the connection's one pending slot taken replaces it and counts as
 * {@code discarded} in the demuxer's stats.
 */
class BackpressureEditsTest {

    /** Set explicitly: the in-flight bound of the drop accounting is derived from it. */
    private static final int MAILBOX = 128;
    /** 20 ms frames: the WAV demuxer cuts 960 samples per channel at 48 kHz. */
    private static final int FRAMES_PER_SECOND = 50;
    private static final int CYCLES = 5;
    /** How long each fan-out stays connected: a cycle's two phases span more than one burst period. */
    private static final long PHASE_MS = 700;
    private static final long REPLY_LIMIT_MS = 2_000;
    private static final long DESTROY_LIMIT_MS = 3_000;
    private static final long WAIT_MS = 15_000;
    /** A running node's counters are published every 2 s; a longer silence means it got no packet. */
    private static final long STATS_WAIT_MS = 3_000;
    /**
     * A sample rate at which the demuxer's 960-sample frames last 240 ms: the main pacer at 12 times real
     * time still passes 50 frames a second, while one at speed 0.01 holds each frame for 24 s.
     */
    private static final int LONG_FRAME_RATE = 4_000;
    private static final List<String> MAIN_NODES = List.of("read", "demux", "pace", "sink");

    @RegisterExtension
    static final RunningServer running = new RunningServer("[engine]\nnode_input_capacity = " + MAILBOX + "\n");

    @BeforeAll
    static void media() throws Exception {
        running.get().writeSample("edits.wav", TestAudio.sineWav(48000, 1, 440, 0.5, 60.0));
        running.get().writeSample("long-frames.wav", TestAudio.sineWav(LONG_FRAME_RATE, 1, 440, 0.5, 240.0));
    }

    @AfterEach
    void destroyAll() throws Exception {
        running.get().destroyAllSessions();
    }

    /** read → demux → pace (real time) → sink over {@code demuxToPacer} ({@code reliable} or {@code best_effort}). */
    private static String paced(String file, String demuxToPacer) {
        return paced(file, demuxToPacer, 1.0);
    }

    /** As {@link #paced(String, String)} with the pacer at {@code speed}; it fills no stalls with silence. */
    private static String paced(String file, String demuxToPacer, double speed) {
        return """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/%s } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  pace: { kind: audio::pacer, params: { speed: %s, generate_silence: false }, needs: { node: demux, mode: %s } }
                  sink: { kind: core::sink, needs: pace }
                """.formatted(file, speed, demuxToPacer);
    }

    @Test
    void fanOutEditsUnderBackpressureAnswerPromptlyAndNeverStallTheSession() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("edits", paced("edits.wav", "reliable"));
            List<JsonNode> events = new ArrayList<>(client.eventsUntil(e -> is(e, "nodestatsupdated", id, "sink"), WAIT_MS, "sink stats"));
            events.addAll(client.eventsDuring(1_000)); // the pacer's mailbox is full by now: the demuxer waits on it
            JsonNode sinkBefore = lastStats(events, id, "sink");

            long editsStarted = System.nanoTime();
            List<Long> replyMs = new ArrayList<>();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                String extra = "extra" + cycle;
                replyMs.add(edit(client, cycle + "-add", op("addnode", id, "node_id", extra, "kind", "core::sink")));
                replyMs.add(edit(client, cycle + "-reliable", fanOut("connect", id, extra)));
                events.addAll(client.eventsDuring(PHASE_MS));
                replyMs.add(edit(client, cycle + "-disconnect", fanOut("disconnect", id, extra)));
                replyMs.add(edit(client, cycle + "-best-effort", connectFanOut(id, extra, "best_effort")));
                events.addAll(client.eventsDuring(PHASE_MS));
                replyMs.add(edit(client, cycle + "-remove", op("removenode", id, "node_id", extra)));
            }
            double editSeconds = (System.nanoTime() - editsStarted) / 1e9;
            events.addAll(client.eventsDuring(2_500)); // past the next stats tick
            JsonNode sinkAfter = lastStats(events, id, "sink");
            JsonNode pipeline = client.request("p", op("getpipeline", id)).get("pipeline");

            long started = System.nanoTime();
            JsonNode destroyed = client.request("destroy", op("destroysession", id));
            long destroyMs = (System.nanoTime() - started) / 1_000_000;

            long maxReplyMs = replyMs.stream().mapToLong(Long::longValue).max().orElseThrow();
            double seconds = sinkAfter.get("duration_secs").asDouble() - sinkBefore.get("duration_secs").asDouble();
            double rate = framesPerSecond(sinkBefore, sinkAfter);
            List<Long> extraReceived = new ArrayList<>();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                List<JsonNode> removal = statsAtEachRemoval(events, id, "extra" + cycle);
                assertEquals(1, removal.size(), "extra" + cycle + " removed " + removal.size() + " times");
                assertNotNull(removal.get(0), "extra" + cycle + " published no counters before its removal");
                extraReceived.add(removal.get(0).get("received").asLong());
            }
            System.out.printf("BackpressureEditsTest edits: %d replies in %.1f s, max %d ms, all %s; sink %.1f frames/s over %.2f s;"
                    + " extra received %s; demux discarded %s; destroy %d ms%n", replyMs.size(), editSeconds, maxReplyMs, replyMs,
                    rate, seconds, extraReceived, counter(events, id, "demux", "discarded"), destroyMs);

            assertTrue(maxReplyMs < REPLY_LIMIT_MS, "slowest graph-operation reply " + maxReplyMs + " ms: " + replyMs);
            for (String node : MAIN_NODES) {
                assertEquals("Running", pipeline.at("/nodes/" + node + "/state").asText(), node + ": " + pipeline);
                List<String> states = states(events, id, node);
                assertEquals(List.of("Running"), states.subList(states.indexOf("Running"), states.size()), node + ": " + states);
            }
            assertTrue(seconds >= editSeconds, "sink stats " + sinkBefore + " .. " + sinkAfter + " do not span the edits");
            assertEquals(FRAMES_PER_SECOND, rate, FRAMES_PER_SECOND * 0.2,
                    "the main sink's paced rate across the edits: " + sinkBefore + " .. " + sinkAfter);
            // The parked demuxer wakes in bursts (its mailbox slot frees at half capacity, every ~1.3 s): a phase may miss one.
            assertTrue(extraReceived.stream().mapToLong(Long::longValue).sum() > 0, "the fanned-out sinks received nothing: " + extraReceived);
            assertEquals("sessiondestroyed", destroyed.get("action").asText(), destroyed.toString());
            assertTrue(destroyMs < DESTROY_LIMIT_MS, "destroy took " + destroyMs + " ms");
            assertEquals(404, running.get().get("/api/v1/sessions/" + id + "/pipeline").statusCode());
        }
    }

    /**
     * Once the demuxer has ended, what it sent is what it discarded, what the pacer received, and what is
     * still on the way: the connection's one pending packet, one more taken by its forwarder (waiting on
     * the full mailbox) and the {@link #MAILBOX} packets queued there. Once the pacer has ended, nothing is.
     */
    @Test
    void bestEffortDropsAreCountedByTheSender() throws Exception {
        double wavSeconds = 20.0;
        running.get().writeSample("drops.wav", TestAudio.sineWav(48000, 1, 440, 0.5, wavSeconds));
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            long created = System.nanoTime();
            String id = client.createSession("drops", paced("drops.wav", "best_effort"));
            List<JsonNode> events = client.untilStopped(id, List.of("demux"), WAIT_MS);
            long demuxMs = (System.nanoTime() - created) / 1_000_000;
            JsonNode demux = statsBeforeStopped(events, id, "demux");
            long sent = demux.get("sent").asLong();
            long discarded = demux.get("discarded").asLong();
            // The first pacer counters taken after the demuxer's last ones (slots are created in pipeline order).
            double demuxEnded = demux.get("duration_secs").asDouble();
            List<JsonNode> next = client.eventsUntil(e -> is(e, "nodestatsupdated", id, "pace")
                    && e.at("/stats/duration_secs").asDouble() > demuxEnded, WAIT_MS, "pace stats after the demuxer ended");
            events.addAll(next);
            long inFlight = sent - discarded - next.get(next.size() - 1).at("/stats/received").asLong();
            // The sink ends inside the pacer's finish, so its Stopped may already be among the events read.
            List<String> stillRunning = List.of("pace", "sink").stream().filter(node -> !stopped(events, id, node)).toList();
            events.addAll(client.untilStopped(id, stillRunning, WAIT_MS));
            JsonNode pace = statsBeforeStopped(events, id, "pace");
            JsonNode sink = statsBeforeStopped(events, id, "sink");
            System.out.printf("BackpressureEditsTest drops: demux done after %d ms, sent %d, discarded %d, in flight %d;"
                    + " pace received %d%n", demuxMs, sent, discarded, inFlight, pace.get("received").asLong());

            assertEquals(Math.round(wavSeconds * FRAMES_PER_SECOND), sent, demux.toString());
            assertTrue(demuxMs < wavSeconds * 1000 / 2, "the demuxer was held back: done after " + demuxMs + " ms");
            assertTrue(discarded > 0, "no drops counted: " + demux);
            assertTrue(inFlight >= 0 && inFlight <= MAILBOX + 2, "in flight " + inFlight + " of demux " + demux + ", " + next);
            assertEquals(sent, pace.get("received").asLong() + discarded, "pace " + pace + " + demux discarded vs " + demux);
            assertEquals(0, pace.get("discarded").asLong(), pace.toString());
            assertEquals(pace.get("sent").asLong(), sink.get("received").asLong(), "sink " + sink + " vs pace " + pace);
        }
    }

    /**
     * A best-effort fan-out into a pacer at a tenth of real time drops what its full mailbox cannot take;
     * the demuxer's {@code discarded} counts them, and must not forget them once that connection is gone.
     */
    @Test
    void bestEffortDropsStayCountedAfterTheirConnectionIsGone() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("drops-kept", paced("edits.wav", "reliable"));
            addSlowPacer(client, id, 0.1, "best_effort");
            List<JsonNode> events = client.eventsUntil(e -> is(e, "nodestatsupdated", id, "demux")
                    && e.at("/stats/discarded").asLong() > 0, WAIT_MS, "demux stats with drops");
            JsonNode dropping = lastStats(events, id, "demux");
            edit(client, "disconnect", fanOut("disconnect", id, "slow"));
            JsonNode after = client.nextStats(id, "demux", STATS_WAIT_MS);
            System.out.printf("BackpressureEditsTest drops kept: demux %s, after disconnect %s%n", dropping, after);
            assertTrue(after.get("sent").asLong() > dropping.get("sent").asLong(), "the demuxer stopped: " + after);
            assertTrue(after.get("discarded").asLong() >= dropping.get("discarded").asLong(),
                    "discarded went back from " + dropping + " to " + after);
        }
    }

    /**
     * The demuxer waits on the full mailbox of a pacer that holds its frame for 24 s; removing that pacer
     * must release it (StreamKit drops the removed node's channels, which fails the pending send).
     */
    @Test
    void removingTheFanOutTargetThatHoldsTheProducerBackLetsTheMainChainFlowAgain() throws Exception {
        assertMainChainRecovers("long-frames.wav", 12.0, 0.01, id -> op("removenode", id, "node_id", "slow"));
    }

    /**
     * The demuxer waits on the full mailbox of a pacer at a tenth of real time; once disconnected, that pacer
     * takes one more frame within 200 ms and the demuxer goes on without it.
     */
    @Test
    void disconnectingTheFanOutTargetThatHoldsTheProducerBackLetsTheMainChainFlowAgain() throws Exception {
        assertMainChainRecovers("edits.wav", 1.0, 0.1, id -> fanOut("disconnect", id, "slow"));
    }

    /**
     * Plays {@code file} with the main pacer at {@code speed} (50 frames a second) and adds a pacer at
     * {@code slowSpeed} ({@code slow}) as a reliable fan-out target of the demuxer. The slowest consumer holds
     * the producer back: once {@code slow}'s mailbox is full, the main sink gets at most a quarter of its rate.
     * Then {@code detach} takes {@code slow} away: over the next two stats periods the main sink must be back
     * at the paced rate.
     */
    private static void assertMainChainRecovers(String file, double speed, double slowSpeed,
                                                Function<String, Map<String, Object>> detach) throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("slow-" + slowSpeed, paced(file, "reliable", speed));
            JsonNode previous = client.nextStats(id, "sink", WAIT_MS);
            addSlowPacer(client, id, slowSpeed, "reliable");
            long end = System.currentTimeMillis() + WAIT_MS;
            List<Double> rates = new ArrayList<>();
            while (rates.isEmpty() || rates.get(rates.size() - 1) > FRAMES_PER_SECOND / 4.0) {
                assertTrue(System.currentTimeMillis() < end, "the slow fan-out target never held the main chain back: " + rates);
                JsonNode latest = lastStats(client.eventsDuring(STATS_WAIT_MS), id, "sink"); // none: starved
                rates.add(latest == null ? 0.0 : framesPerSecond(previous, latest));
                if (latest != null) previous = latest;
            }
            Map<String, Object> op = detach.apply(id);
            System.out.printf("BackpressureEditsTest slow at speed %s: sink frames/s %s, then %s%n", slowSpeed, rates, op.get("action"));
            long replyMs = edit(client, "detach", op);
            JsonNode first = client.nextStats(id, "sink", STATS_WAIT_MS);
            JsonNode second = client.nextStats(id, "sink", STATS_WAIT_MS);
            double rate = framesPerSecond(first, second);
            System.out.printf("BackpressureEditsTest %s: reply %d ms, then %.1f frames/s%n", op.get("action"), replyMs, rate);
            assertTrue(replyMs < REPLY_LIMIT_MS, op + " took " + replyMs + " ms");
            assertEquals(FRAMES_PER_SECOND, rate, FRAMES_PER_SECOND * 0.2, "sink " + first + " .. " + second);
        }
    }

    /**
     * StreamKit runs one stats tracker per node instance. Here the publisher remembers "final counters
     * sent" per node id and never forgets it, so a node added under a removed node's id never publishes.
     */
    @Test
    void aNodeAddedAgainUnderARemovedNodesIdPublishesItsCounters() throws Exception {
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("re-add", paced("edits.wav", "reliable"));
            for (int incarnation = 0; incarnation < 2; incarnation++) {
                edit(client, incarnation + "-add", op("addnode", id, "node_id", "extra", "kind", "core::sink"));
                client.eventsUntil(e -> is(e, "nodeadded", id, "extra"), WAIT_MS, "nodeadded of extra");
                edit(client, incarnation + "-connect", fanOut("connect", id, "extra"));
                JsonNode first = client.nextStats(id, "extra", 5_000); // the parked demuxer's next burst is ≤ 1.3 s away
                assertTrue(first.get("received").asLong() > 0, "incarnation " + incarnation + ": " + first);
                edit(client, incarnation + "-remove", op("removenode", id, "node_id", "extra"));
            }
        }
    }

    /** Times one graph operation, which must answer {@code success}; returns the reply time in ms. */
    private static long edit(ControlClient client, String correlationId, Map<String, Object> payload) throws Exception {
        long started = System.nanoTime();
        JsonNode reply = client.request(correlationId, payload);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals("success", reply.get("action").asText(), correlationId + " " + payload + " -> " + reply);
        return millis;
    }

    /** The frames a sink received per second between two of its stats snapshots. */
    private static double framesPerSecond(JsonNode from, JsonNode to) {
        return (to.get("received").asLong() - from.get("received").asLong())
                / (to.get("duration_secs").asDouble() - from.get("duration_secs").asDouble());
    }

    /** Adds {@code slow}, a pacer at {@code speed}, fed by the demuxer over a connection of {@code mode}. */
    private static void addSlowPacer(ControlClient client, String id, double speed, String mode) throws Exception {
        edit(client, "add-slow", op("addnode", id, "node_id", "slow", "kind", "audio::pacer",
                "params", Map.of("speed", speed, "generate_silence", false)));
        edit(client, "connect-slow", connectFanOut(id, "slow", mode));
    }

    /** A {@code connect} of the demuxer's output to {@code node}'s input in {@code mode}. */
    private static Map<String, Object> connectFanOut(String sessionId, String node, String mode) {
        Map<String, Object> connect = fanOut("connect", sessionId, node);
        connect.put("mode", mode);
        return connect;
    }

    /** A {@code connect} or {@code disconnect} of the demuxer's output to {@code node}'s input. */
    private static Map<String, Object> fanOut(String action, String sessionId, String node) {
        return op(action, sessionId, "from_node", "demux", "from_pin", "out", "to_node", node, "to_pin", "in");
    }
}
