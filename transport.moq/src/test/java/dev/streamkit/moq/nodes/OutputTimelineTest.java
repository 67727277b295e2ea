package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timestamps and group boundaries of the hang output. */
class OutputTimelineTest {

    private static List<OutputTimeline.Slot> place(OutputTimeline timeline, int frames, long durationUs) {
        List<OutputTimeline.Slot> slots = new ArrayList<>();
        for (int i = 0; i < frames; i++) slots.add(timeline.next(durationUs));
        return slots;
    }

    @Test
    void timestampsAccumulateTheFramesDurationsAfterTheInitialDelay() {
        List<OutputTimeline.Slot> slots = place(new OutputTimeline(500, 40), 50, 20_000);
        for (int i = 1; i < slots.size(); i++) {
            assertEquals(20_000, slots.get(i).timestampUs() - slots.get(i - 1).timestampUs(), "frame " + i);
        }
        assertEquals(500_000, slots.get(0).timestampUs(), "the first frame sits at the initial delay");
    }

    @Test
    void groupsHoldTheirDurationOfFrames() {
        for (long groupMs : new long[] {20, 40, 100, 1000}) {
            List<OutputTimeline.Slot> slots = place(new OutputTimeline(0, groupMs), 200, 20_000);
            assertTrue(slots.get(0).newGroup(), "the first frame opens a group");
            long perGroup = Math.max(1, groupMs / 20);
            for (int i = 0; i < slots.size(); i++) {
                assertEquals(i % perGroup == 0, slots.get(i).newGroup(), groupMs + " ms groups, frame " + i);
            }
        }
    }

    @Test
    void aGroupEndsWithTheFrameThatFillsIt() {
        List<OutputTimeline.Slot> slots = place(new OutputTimeline(0, 40), 6, 20_000);
        for (int i = 0; i < slots.size(); i++) assertEquals(i % 2 == 1, slots.get(i).endsGroup(), "frame " + i);
    }

    @Test
    void aFrameThatWouldOverflowTheGroupOpensTheNextOne() {
        OutputTimeline timeline = new OutputTimeline(0, 50);
        assertTrue(timeline.next(20_000).newGroup());
        assertFalse(timeline.next(20_000).newGroup()); // 40 ms
        assertTrue(timeline.next(20_000).newGroup(), "60 ms would overflow 50 ms: a new group");
    }

    @Test
    void unknownDurationsCountAsAnOpusFrameAndPartialMillisecondsRoundUp() {
        OutputTimeline timeline = new OutputTimeline(0, 40);
        timeline.next(0);
        assertEquals(OutputTimeline.DEFAULT_FRAME_US, timeline.next(-1).timestampUs());
        OutputTimeline rounding = new OutputTimeline(0, 40);
        rounding.next(2_500);
        assertEquals(3_000, rounding.next(2_500).timestampUs(), "2.5 ms counts as 3 ms");
    }
}
