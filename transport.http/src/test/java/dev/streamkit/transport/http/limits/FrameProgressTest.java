package dev.streamkit.transport.http.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFrameBegunAndNeverFinishedIsCutAfterTheGrace() {
        FrameProgress progress = new FrameProgress(10 * SECOND, 128);
        progress.tooSlow(0, 200, 1);
        boolean cut = false;
        int second = 1;
        for (; second <= 30 && !cut; second++) cut = progress.tooSlow(second * SECOND, 206, 1);
        assertTrue(cut && second > 10 && second <= 13, "a stalled frame is cut at second " + second);
    }

    @Test
    void aTrickledFrameIsCutAndASteadyOneIsKept() {
        FrameProgress trickled = new FrameProgress(10 * SECOND, 128);
        FrameProgress steady = new FrameProgress(10 * SECOND, 128);
        boolean cut = false;
        for (int second = 0; second <= 30 && !cut; second++) {
            cut = trickled.tooSlow(second * SECOND, 100 + second, 1);
            assertFalse(steady.tooSlow(second * SECOND, 100 + 1_000L * second, 1), "1 kB/s frame at second " + second);
        }
        assertTrue(cut, "a frame arriving at 1 B/s is cut");
    }

    @Test
    void aQuietSocketBetweenFramesIsNeverJudged() {
        FrameProgress progress = new FrameProgress(10 * SECOND, 128);
        for (int second = 0; second < 120; second++) {
            long frames = second / 30;
            assertFalse(progress.tooSlow(second * SECOND, 50 * frames, frames), "second " + second);
        }
    }
}
