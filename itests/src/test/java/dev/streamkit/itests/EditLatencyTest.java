package dev.streamkit.itests;

import static dev.streamkit.itests.ControlClient.op;
import static dev.streamkit.itests.NodeEvents.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Graph edits never wait for the data plane (issue 8): {@code removenode} and {@code destroysession}
 * answer promptly while a consumer is stuck inside {@code onPacket} with a full mailbox, and every node is
 * closed exactly once, never while a call is inside it, whether removed, destroyed or failed.
 *
 * <pre>
 *   read ─▶ demux ─▶ probe (fixture::close_probe, 1 ms a packet) ─▶ stall (fixture::stall, asleep 3 s on its first packet)
 * </pre>
 *
 * The file is read and demuxed as fast as the disk allows: the stall's mailbox fills, then the probe's
 * (the probe waits inside {@code onPacket}, sending to the full mailbox), then the demuxer waits.
 */
class EditLatencyTest {

    private static final int TRIES = 50;
    private static final int FAILURE_TRIES = 10;
    private static final long P99_LIMIT_MS = 100;
    /** Small mailboxes fill within a few packets. */
    private static final int MAILBOX = 8;
    /** After the first packets reached the probe: time for both mailboxes to fill (about 20 packets at 1 ms). */
    private static final long FILL_MS = 150;
    private static final long WAIT_MS = 10_000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("[engine]\nnode_input_capacity = " + MAILBOX + "\n").destroyingSessionsAfterEach();

    @BeforeAll
    static void setUp() throws Exception {
        FixtureBundle.deploy(running.get());
        running.get().writeSample("fast.wav", TestAudio.sineWav(48000, 1, 500, 0.25, 10.0));
    }

    @Test
    void removingNodesBehindAFullMailboxAnswersPromptlyAndClosesEachOnceWhileIdle() throws Exception {
        againstFullMailboxes("removenode", (client, id, replies) -> {
            replies.add(timed(client, op("removenode", id, "node_id", "stall"), "success"));
            replies.add(timed(client, op("removenode", id, "node_id", "probe"), "success"));
            client.request("destroy-" + id, op("destroysession", id));
        });
    }

    @Test
    void destroyingASessionBehindAFullMailboxAnswersPromptlyAndClosesEachNodeOnceWhileIdle() throws Exception {
        againstFullMailboxes("destroysession", (client, id, replies) -> replies.add(timed(client, op("destroysession", id), "sessiondestroyed")));
    }

    @Test
    void aNodeFailingFromInsideOnPacketIsClosedOnceAfterThatCall() throws Exception {
        List<Path> reports = new ArrayList<>();
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            for (int i = 0; i < FAILURE_TRIES; i++) {
                String report = "probes/fail-" + i + ".txt";
                String id = client.createSession("fail-" + i, pipeline(report, 3));
                client.eventsUntil(e -> is(e, "nodestatechanged", id, "probe") && e.at("/state/Failed").isObject(), WAIT_MS, "Failed of probe");
                client.request("destroy-" + i, op("destroysession", id));
                reports.add(running.get().workDir.resolve(report));
            }
        }
        CloseProbeReports.assertEachClosedOnceWhileIdle(reports);
    }

    /** What a try does to a session whose mailboxes are full; adds the reply times it measured to {@code replies}. */
    private interface Edit {
        void apply(ControlClient client, String sessionId, List<Long> replies) throws Exception;
    }

    /**
     * {@link #TRIES} times: starts a session, waits until the probe got packets and the mailboxes filled,
     * then applies {@code edit}. Then checks the replies' p99 and every probe's report.
     */
    private static void againstFullMailboxes(String what, Edit edit) throws Exception {
        List<Long> replies = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            for (int i = 0; i < TRIES; i++) {
                String report = "probes/" + what + "-" + i + ".txt";
                String id = client.createSession(what + "-" + i, pipeline(report, 0));
                client.nextStats(id, "probe", WAIT_MS);
                client.eventsDuring(FILL_MS);
                edit.apply(client, id, replies);
                reports.add(running.get().workDir.resolve(report));
            }
        }
        assertPromptly(what, replies);
        CloseProbeReports.assertEachClosedOnceWhileIdle(reports);
    }

    private static String pipeline(String report, int failAfter) {
        return """
                nodes:
                  read: { kind: core::file_reader, params: { path: samples/fast.wav } }
                  demux: { kind: containers::wav::demuxer, needs: read }
                  probe:
                    kind: %s
                    params: { report_path: %s, sleep_ms: 1, fail_after: %d }
                    needs: demux
                  stall: { kind: %s, params: { stall_ms: 3000 }, needs: probe }
                """.formatted(FixtureBundle.CLOSE_PROBE, report, failAfter, FixtureBundle.STALL);
    }

    /** Sends {@code payload}, checks the answer is {@code expected}; returns the reply time in ms. */
    private static long timed(ControlClient client, Map<String, Object> payload, String expected) throws Exception {
        long started = System.nanoTime();
        JsonNode reply = client.request("timed-" + System.nanoTime(), payload);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(expected, reply.get("action").asText(), payload + " -> " + reply);
        return millis;
    }

    private static void assertPromptly(String what, List<Long> replies) {
        List<Long> sorted = replies.stream().sorted().toList();
        long p50 = percentile(sorted, 0.50);
        long p99 = percentile(sorted, 0.99);
        System.out.printf("EditLatencyTest %s: %d replies, p50 %d ms, p99 %d ms, max %d ms; slowest %s%n", what, sorted.size(),
                p50, p99, sorted.get(sorted.size() - 1), sorted.subList(Math.max(0, sorted.size() - 5), sorted.size()));
        assertTrue(p99 < P99_LIMIT_MS, what + " p99 " + p99 + " ms over " + sorted.size() + " replies: " + replies);
    }

    /** The {@code q} quantile of {@code sorted} (nearest rank). */
    private static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
