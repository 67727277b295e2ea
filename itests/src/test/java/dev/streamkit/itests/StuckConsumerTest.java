package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A consumer stuck for 10 s in one session must not make the other sessions miss real-time deadlines
 * (issue 8): the paced part of every session shares a few timer threads, so a pacer that waits on a stuck
 * consumer's full mailbox must not hold one of them. The test asserts that every other session keeps playing
 * in real time through the stall and prints their missed deadlines: none on a quiet machine, while a
 * concurrent build can make all sessions miss ticks together, stall or not.
 *
 * <pre>
 *   99 ×   read ─▶ demux ─▶ pace ─▶ gain ─▶ sink
 *   1 ×    read ─▶ demux ─▶ pace ─▶ gain ─▶ sink
 *                                 └▶ stall (fixture::stall, asleep 10 s on its first packet)
 * </pre>
 *
 * Misses are counted as {@code bench/MissedDeadlines.java} does, from the pacers' cumulative
 * {@code pacer.deadline_missed} telemetry: per session, the highest {@code missed_total} seen by the end of a
 * 12 s window that starts just before the stuck session does, minus the highest seen before it.
 */
class StuckConsumerTest {

    private static final int SESSIONS = 100;
    private static final long STALL_MS = 10_000;
    private static final long WINDOW_MS = 12_000;
    /** After the last light session was created: their start-up misses are not counted. */
    private static final long SETTLE_MS = 1_000;
    /** Then misses are counted without the stall, for comparison (printed, not asserted: a loaded machine misses too). */
    private static final long CONTROL_MS = 4_000;
    /**
     * Frames each other session must play in the window (600 in real time; stats arrive every 2 s, so up to
     * 100 of them may not be reported yet); a timer lane held for the 10 s stall would let through about 100.
     */
    private static final long MIN_FRAMES_PLAYED = 360;

    @RegisterExtension
    static final RunningServer running = new RunningServer("").destroyingSessionsAfterEach();

    @Test
    void aConsumerStuckForTenSecondsMakesNoOtherSessionMissADeadline() throws Exception {
        FixtureBundle.deploy(running.get());
        running.get().writeSample("stuck.wav", TestAudio.sineWav(48000, 1, 500, 0.25, 30.0));
        String light = PacedTone.source("stuck.wav") + PacedTone.node("gain", "audio::gain", "pace") + PacedTone.node("sink", "core::sink", "gain");
        String stuckYaml = light + "  stall: { kind: %s, params: { stall_ms: %d }, needs: pace }\n".formatted(FixtureBundle.STALL, STALL_MS);
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            List<String> others = new ArrayList<>();
            for (int i = 0; i < SESSIONS - 1; i++) others.add(client.createSession("light-" + i, light));
            List<JsonNode> events = new ArrayList<>(client.eventsDuring(SETTLE_MS));
            Map<String, Long> settled = missedTotals(events);
            events.addAll(client.eventsDuring(CONTROL_MS));
            Map<String, Long> beforeStall = missedTotals(events);
            long stuckAt = System.currentTimeMillis();
            int beforeWindow = events.size();
            String stuck = client.createSession("stuck", stuckYaml);
            events.addAll(client.eventsDuring(WINDOW_MS));
            Map<String, Long> after = missedTotals(events);

            Map<String, Long> missed = increments(others, beforeStall, after);
            long controlMisses = increments(others, settled, beforeStall).values().stream().mapToLong(Long::longValue).sum();
            long stallReceived = NodeEvents.counter(events, stuck, "stall", "received").stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.printf("StuckConsumerTest: without the stall, %d misses in %d ms over %d sessions; with it, %d of them"
                            + " missed deadlines in %d ms (%d misses in all; sessions with a miss event per second from the"
                            + " stuck session's start: %s); the stuck session missed %d, its stall received %d%n", controlMisses,
                    CONTROL_MS, others.size(), missed.size(), WINDOW_MS, missed.values().stream().mapToLong(Long::longValue).sum(),
                    sessionsMissingPerSecond(events, stuckAt, others), after.getOrDefault(stuck, 0L), stallReceived);

            assertTrue(stallReceived >= 1, "the stall never got a packet: the test proves nothing");
            // A timer thread held by the stuck session would stop every session on its lane for the 10 s; a
            // machine-wide hiccup (the build's own JVMs share the two cores) only makes ticks late, and may
            // count as missed deadlines in every session at once, as the control window shows. So what is
            // asserted is that each other session kept playing out in real time; the misses are printed (on
            // a quiet machine there are none).
            Map<String, Long> starved = new HashMap<>();
            long fewest = Long.MAX_VALUE;
            for (String id : others) {
                long played = sinkReceived(events, id) - sinkReceived(events.subList(0, beforeWindow), id);
                fewest = Math.min(fewest, played);
                if (played < MIN_FRAMES_PLAYED) starved.put(id, played);
            }
            System.out.printf("StuckConsumerTest: the fewest frames another session played in the window: %d%n", fewest);
            assertEquals(Map.of(), starved, "sessions beside the stuck one that played fewer than " + MIN_FRAMES_PLAYED
                    + " of the " + WINDOW_MS / 20 + " frames of the window (session id → frames)");
        }
    }

    /** The highest {@code received} the session's sink reported among {@code events}. */
    private static long sinkReceived(List<JsonNode> events, String sessionId) {
        return NodeEvents.counter(events, sessionId, "sink", "received").stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Per session in {@code ids} with a higher total in {@code to} than in {@code from}: the difference. */
    private static Map<String, Long> increments(List<String> ids, Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> increments = new HashMap<>();
        for (String id : ids) {
            long count = to.getOrDefault(id, 0L) - from.getOrDefault(id, 0L);
            if (count > 0) increments.put(id, count);
        }
        return increments;
    }

    /** For each second from {@code startMillis}: how many of {@code ids} reported a missed deadline in it. */
    private static List<Integer> sessionsMissingPerSecond(List<JsonNode> events, long startMillis, List<String> ids) {
        List<Set<String>> perSecond = new ArrayList<>();
        for (long s = 0; s < WINDOW_MS / 1_000; s++) perSecond.add(new HashSet<>());
        for (JsonNode event : events) {
            long second = (event.path("timestamp_us").asLong() / 1_000 - startMillis) / 1_000;
            if (isMiss(event) && second >= 0 && second < perSecond.size() && ids.contains(event.get("session_id").asText())) {
                perSecond.get((int) second).add(event.get("session_id").asText());
            }
        }
        return perSecond.stream().map(Set::size).toList();
    }

    private static boolean isMiss(JsonNode event) {
        return "nodetelemetry".equals(event.path("event").asText())
                && "pacer.deadline_missed".equals(event.at("/data/event_type").asText());
    }

    /** The highest cumulative {@code missed_total} of each session's pacers among {@code events}, by session id. */
    private static Map<String, Long> missedTotals(List<JsonNode> events) {
        Map<String, Long> totals = new HashMap<>();
        for (JsonNode event : events) {
            if (isMiss(event)) {
                totals.merge(event.get("session_id").asText(), event.at("/data/missed_total").asLong(), Math::max);
            }
        }
        return totals;
    }
}
