package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/** Session registries for engine tests: no file access, mailboxes of 4, 2 s destroy grace, fast stats. */
final class TestSessions {

    /** Stats period in tests (the server uses 2 s). */
    static final Duration STATS_INTERVAL = Duration.ofMillis(200);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-session-timer");
        thread.setDaemon(true);
        return thread;
    });

    private static final TimerWheel WHEEL = new TimerWheel(2, "test-session-wheel");

    private TestSessions() {
    }

    /** Polls {@code condition} every 5 ms for up to 10 s. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    /** Asserts {@code op} is refused with a message containing {@code expected}, leaving the pipeline as it was. */
    static void refused(Session session, String expected, Executable op) {
        Pipeline before = session.pipeline();
        PipelineException e = assertThrows(PipelineException.class, op);
        assertEquals(PipelineException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(before, session.pipeline());
    }

    static SessionRegistry registry(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions,
                                    Integer maxSessions, Executor pool) {
        return registry(factories, suggestions, maxSessions, pool, SessionSettings.UPGRADE_GRACE);
    }

    /** As above, with {@code upgradeGrace} as the wait for a plugin's successor. */
    static SessionRegistry registry(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions,
                                    Integer maxSessions, Executor pool, Duration upgradeGrace) {
        SessionSettings settings = new SessionSettings(new FilePolicy(Path.of("."), List.of(), List.of()), 4, maxSessions,
                Duration.ofSeconds(2), STATS_INTERVAL, upgradeGrace);
        return new SessionRegistry(factories, suggestions, settings, pool, TIMER, WHEEL);
    }
}
