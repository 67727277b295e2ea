package dev.streamkit.transport.http.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReceiveProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private static ReceiveProgress progress() {
        return new ReceiveProgress(10 * SECOND, 10 * SECOND, 128);
    }

    @Test
    void aHeaderTrickledLineByLineIsCutAfterTheHeaderTimeout() {
        ReceiveProgress progress = progress();
        boolean cut = false;
        int second = 0;
        for (; second <= 30 && !cut; second++) {
            cut = progress.tooSlow(second * SECOND, 20L * (1 + second / 5), 0, 0);
        }
        assertTrue(cut, "a trickled header is cut");
        assertTrue(second > 10 && second <= 13, "cut just after the header timeout, at second " + second);
    }

    @Test
    void aBodyTrickledByteByByteIsCutOnceItsGraceIsOver() {
        ReceiveProgress progress = progress();
        boolean cut = false;
        int second = 0;
        for (; second <= 60 && !cut; second++) {
            cut = progress.tooSlow(second * SECOND, 300 + second / 5, 1, 0);
        }
        assertTrue(cut, "a trickled body is cut");
        assertTrue(second > 10 && second <= 17, "cut after the grace, at second " + second);
    }

    @Test
    void idleKeepAliveAndLongAnswersAreLeftToTheIdleTimeout() {
        ReceiveProgress progress = progress();
        for (int second = 0; second < 60; second++) {
            assertFalse(progress.tooSlow(second * SECOND, 500, 1, 1), "waiting between requests");
        }
        for (int second = 60; second < 120; second++) {
            assertFalse(progress.tooSlow(second * SECOND, 2_000, 2, 1), "a request answered while the client is silent");
        }
    }

    @Test
    void aSteadyUploadAndQuickRequestsAreKept() {
        ReceiveProgress progress = progress();
        for (int second = 0; second < 60; second++) {
            assertFalse(progress.tooSlow(second * SECOND, 300 + 1_000L * second, 1, 0), "1 kB/s upload");
        }
        for (int request = 2; request < 40; request++) {
            assertFalse(progress.tooSlow((60 + request) * SECOND, 100_000L + 300L * request, request, request - 1),
                    "keep-alive request " + request);
        }
    }

    @Test
    void http2FramesThatNeverOpenAStreamAreCutButOpenStreamsAreNotJudgedHere() {
        ReceiveProgress trickler = ReceiveProgress.headersOnly(10 * SECOND);
        boolean cut = false;
        int second = 0;
        for (; second <= 30 && !cut; second++) {
            cut = trickler.tooSlow(second * SECOND, 24 + 9L * (second / 2), 0, 0);
        }
        assertTrue(cut && second > 10 && second <= 13, "PINGs or CONTINUATIONs without a request are cut, at second " + second);

        ReceiveProgress downloading = ReceiveProgress.headersOnly(10 * SECOND);
        for (int second2 = 0; second2 < 60; second2++) {
            assertFalse(downloading.tooSlow(second2 * SECOND, 100 + 13L * second2, 1, 0), "window updates during a long answer");
        }
    }
}
