package dev.streamkit.transport.http.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BodyProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSilentOrTrickledBodyIsTooSlowOnceItsGraceIsOver() {
        BodyProgress silent = new BodyProgress(0, 10 * SECOND, 128);
        silent.onRead(null, false);
        assertFalse(silent.tooSlow(9 * SECOND), "within the grace");
        assertTrue(silent.tooSlow(10 * SECOND), "silent past the grace");

        BodyProgress trickled = new BodyProgress(0, 10 * SECOND, 128);
        for (int second = 0; second < 20; second++) {
            trickled.onRead(1, false);
            trickled.onRead(null, false);
        }
        assertTrue(trickled.tooSlow(20 * SECOND), "20 bytes in 20 s");
    }

    @Test
    void aBusyHandlerASteadyBodyOrACompleteOneIsNotJudged() {
        BodyProgress busy = new BodyProgress(0, 10 * SECOND, 128);
        busy.onRead(10, false);
        assertFalse(busy.tooSlow(60 * SECOND), "the handler has not asked for more");

        BodyProgress steady = new BodyProgress(0, 10 * SECOND, 128);
        steady.onRead(20_000, false);
        steady.onRead(null, false);
        assertFalse(steady.tooSlow(20 * SECOND), "1 kB/s");

        BodyProgress complete = new BodyProgress(0, 10 * SECOND, 128);
        complete.onRead(5, true);
        complete.onRead(null, false);
        assertTrue(complete.isComplete());
        assertFalse(complete.tooSlow(60 * SECOND));
    }
}
