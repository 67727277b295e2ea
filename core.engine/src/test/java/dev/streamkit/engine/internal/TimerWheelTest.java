package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimerWheelTest {

    @Test
    void tasksRunInDeadlineOrderNotBeforeTheirSlackAndCancelledOnesNever() throws Exception {
        try (TimerWheel wheel = new TimerWheel(1, "test-wheel")) {
            List<String> ran = new CopyOnWriteArrayList<>();
            List<Long> lateness = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            long start = System.nanoTime();
            for (int ms : new int[] {30, 10, 20}) {
                long deadline = start + TimeUnit.MILLISECONDS.toNanos(ms);
                wheel.schedule("k", deadline, () -> {
                    ran.add("t" + ms);
                    lateness.add(System.nanoTime() - deadline);
                    done.countDown();
                });
            }
            wheel.schedule("k", start + TimeUnit.MILLISECONDS.toNanos(15), () -> ran.add("cancelled")).cancel();
            assertTrue(done.await(5, TimeUnit.SECONDS));
            Thread.sleep(20);
            assertEquals(List.of("t10", "t20", "t30"), ran);
            for (long late : lateness) assertTrue(late >= -TimerWheel.SLACK_NANOS, "ran early by " + (-late) + " ns");
        }
    }

    @Test
    void aThrowingTaskLeavesTheLaneRunningAndAViewDoesNotCloseTheWheel() throws Exception {
        try (TimerWheel wheel = new TimerWheel(1, "test-wheel")) {
            TimerWheel session = wheel.forSession("s1");
            CountDownLatch after = new CountDownLatch(1);
            long now = System.nanoTime();
            session.schedule("k", now, () -> {
                throw new IllegalStateException("task failure (expected by the test)");
            });
            session.close();
            wheel.schedule("k", now, after::countDown);
            assertTrue(after.await(5, TimeUnit.SECONDS), "the lane ran the next task");
        }
    }
}
