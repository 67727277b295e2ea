package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's churn acceptance, fan-out: one publisher feeds a {@code transport::moq::peer} session for 60 s and 50
 * watcher connections on {@code {path}/output} receive it over loopback QUIC. Every watcher gets the frames the
 * elapsed time calls for (within 10 %); the server's heap after a full GC, sampled every 10 s, stays flat; and
 * {@code /healthz} answers fast throughout. The whole test is bounded at 100 s.
 */
class MoqFanOutTest {

    private static final int WATCHERS = 50;
    private static final int SECONDS = 60;
    private static final long SAMPLE_EVERY_S = 10;
    /**
     * How much the live heap may grow over the run. The output the 50 watchers receive in 60 s is about
     * 50 × 3 000 frames × ~170 B ≈ 25 MB: holding on to even a third of the frames sent would exceed it, while
     * the live set of a steady server moves by far less between full collections.
     */
    private static final long HEAP_GROWTH_BOUND_KIB = 8 * 1024;
    private static final long HEALTH_BOUND_MS = 1_000;
    private static final long HEALTH_MEDIAN_BOUND_MS = 100;

    @RegisterExtension
    static final RunningServer running = new RunningServer("").destroyingSessionsAfterEach();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 100, unit = TimeUnit.SECONDS)
    void fiftyWatchersReceiveOnePublisherForAMinuteWithAFlatHeap() throws Exception {
        SkitServer server = running.get();
        long pid = ServerProcessInfo.pid(server);
        List<byte[]> tone = OpusTone.packets(dir, 2.0);
        List<Long> heapKib = Collections.synchronizedList(new ArrayList<>());
        List<Long> healthMs = Collections.synchronizedList(new ArrayList<>());
        List<HangWatcher> watchers = new ArrayList<>();
        ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
        try (ControlClient control = ControlClient.connect(server.port); MoqTestClient client = new MoqTestClient(server.port)) {
            control.createSession("moq-fan-out", MoqPeers.gainSession("/moq/fan", true, 1.0));
            for (int i = 0; i < WATCHERS; i++) watchers.add(HangWatcher.watch(client.connect("/moq/fan/output"), "output"));

            heapKib.add(HeapAfterGc.kib(dir, pid));
            samplers.scheduleWithFixedDelay(() -> sample(() -> heapKib.add(HeapAfterGc.kib(dir, pid))),
                    SAMPLE_EVERY_S, SAMPLE_EVERY_S, TimeUnit.SECONDS);
            samplers.scheduleWithFixedDelay(() -> sample(() -> healthMs.add(healthzMillis(server))), 0, 2, TimeUnit.SECONDS);

            HangPublisher publisher = new HangPublisher(client.connect("/moq/fan/input"), "input", tone);
            long started = System.nanoTime();
            publisher.send(SECONDS * 1000 / OpusTone.FRAME_MS);
            double elapsedFrames = (System.nanoTime() - started) / 1e6 / OpusTone.FRAME_MS;
            publisher.finish();
            HangWatcher.settled(watchers);
            long[] received = watchers.stream().mapToLong(HangWatcher::frames).toArray();
            samplers.shutdownNow();
            heapKib.add(HeapAfterGc.kib(dir, pid));

            long fewest = Arrays.stream(received).min().orElseThrow();
            long most = Arrays.stream(received).max().orElseThrow();
            List<Long> health = new ArrayList<>(healthMs);
            Collections.sort(health);
            long first = heapKib.get(0);
            long last = heapKib.get(heapKib.size() - 1);
            System.out.printf("MoqFanOutTest: %d watchers got %d..%d frames for %.0f sent over %.1f s; heap after GC first %d KiB,"
                            + " last %d KiB, max %d KiB (%d samples); /healthz median %d ms, max %d ms (%d calls)%n",
                    WATCHERS, fewest, most, elapsedFrames, elapsedFrames * OpusTone.FRAME_MS / 1000, first, last,
                    Collections.max(heapKib), heapKib.size(), health.get(health.size() / 2), health.get(health.size() - 1),
                    health.size());

            System.out.println("MoqFanOutTest: frames per watcher " + Arrays.toString(received));
            for (int i = 0; i < WATCHERS; i++) {
                assertEquals(elapsedFrames, received[i], elapsedFrames * 0.1, "frames of watcher " + i + " (its last frame came "
                        + watchers.get(i).millisSinceLastFrame() + " ms ago)");
                assertTrue(watchers.get(i).sessionOpen(), "watcher " + i + " kept its session");
                assertNull(watchers.get(i).failure(), "watcher " + i);
            }
            assertTrue(last <= first + HEAP_GROWTH_BOUND_KIB, "heap after GC grew from " + first + " to " + last + " KiB: " + heapKib);
            assertTrue(health.get(health.size() - 1) < HEALTH_BOUND_MS, "/healthz latencies (ms): " + health);
            assertTrue(health.get(health.size() / 2) < HEALTH_MEDIAN_BOUND_MS, "/healthz latencies (ms): " + health);
        } finally {
            samplers.shutdownNow();
            for (HangWatcher watcher : watchers) watcher.close();
        }
    }

    private static long healthzMillis(SkitServer server) throws Exception {
        long start = System.nanoTime();
        assertEquals(200, server.get("/healthz").statusCode());
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs one sample; a failed sample is reported, not thrown (the scheduler would drop later ones). */
    private static void sample(ThrowingSample sample) {
        try {
            sample.run();
        } catch (Exception e) {
            System.out.println("MoqFanOutTest: sample failed: " + e);
        }
    }

    private interface ThrowingSample {
        void run() throws Exception;
    }
}
