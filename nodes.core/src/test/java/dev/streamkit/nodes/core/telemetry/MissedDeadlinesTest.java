package dev.streamkit.nodes.core.telemetry;

import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.TelemetryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissedDeadlinesTest {

    private static final long MS = 1_000_000L;
    private static final long FRAME = 20 * MS;

    private final MissedDeadlines deadlines = new MissedDeadlines();
    private final RecordingOutputs out = new RecordingOutputs();

    @Test
    void aPacketLateByLessThanItsDurationIsNoMiss() {
        deadlines.released(100 * MS, 100 * MS, FRAME, out);
        deadlines.released(120 * MS, 140 * MS, FRAME, out);
        assertEquals(0, deadlines.total());
        assertTrue(out.events().isEmpty());
    }

    @Test
    void aPacketLateByMoreThanItsDurationIsReportedWithLatenessAndTotal() {
        deadlines.released(100 * MS, 125_500_000L, FRAME, out);
        assertEquals(1, deadlines.total());
        TelemetryEvent event = out.events().get(0);
        assertEquals("pacer.deadline_missed", event.eventType());
        assertEquals(25.5, event.data().get("late_ms"));
        assertEquals(1L, event.data().get("missed_total"));
    }

    @Test
    void usesThePacketsOwnDuration() {
        deadlines.released(0, 30 * MS, 40 * MS, out);
        assertEquals(0, deadlines.total(), "30 ms late is within a 40 ms packet");
        deadlines.released(0, 30 * MS, 10 * MS, out);
        assertEquals(1, deadlines.total(), "but not within a 10 ms one");
    }

    @Test
    void packetsWithoutDurationHaveNoDeadline() {
        deadlines.released(0, 5_000 * MS, 0, out);
        assertEquals(0, deadlines.total());
    }

    @Test
    void reportsAtMostTenEventsASecondButCountsEveryMiss() {
        for (int i = 0; i < 100; i++) deadlines.released(i * 10 * MS, i * 10 * MS + 50 * MS, FRAME, out);
        assertEquals(100, deadlines.total());
        List<TelemetryEvent> events = out.events("pacer.deadline_missed");
        assertTrue(events.size() >= 10 && events.size() <= 20, "one second of misses gave " + events.size() + " events");
        List<Long> totals = events.stream().map(e -> (Long) e.data().get("missed_total")).toList();
        for (int i = 1; i < totals.size(); i++) assertTrue(totals.get(i) > totals.get(i - 1), "cumulative: " + totals);
    }
}
