package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.RegisteredKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares oneshot runs (StreamKit's oneshot engine): plan and check the graph, create and wire the
 * nodes, apply the file policy, the per-request deadline and {@code max_concurrent_oneshots} (a request
 * waits up to {@code engine.oneshot.queue_timeout_secs} for a free slot, then is refused with 429).
 */
public final class OneshotRunner {

    private final NodeRegistry registry;
    private final FilePolicy files;
    private final int mailboxCapacity;
    private final Duration deadline;
    private final Duration queueTimeout;
    private final Semaphore slots;
    private final Executor pool;
    private final ScheduledExecutorService timer;

    /**
     * @param workDir directory that relative file paths and allowlist globs are joined to
     * @param pool    runs node work (sources and mailbox drains); should grow on demand
     * @param timer   fires deadlines
     */
    public OneshotRunner(NodeRegistry registry, ServerConfig config, Path workDir, Executor pool,
                         ScheduledExecutorService timer) {
        this.registry = registry;
        this.files = new FilePolicy(workDir, config.security.allowedFilePaths, config.security.allowedWritePaths);
        this.mailboxCapacity = Math.max(1, config.engine.oneshot.mediaChannelCapacity);
        this.deadline = Duration.ofSeconds(Math.max(1, config.engine.oneshot.requestTimeoutSecs));
        this.queueTimeout = Duration.ofSeconds(Math.max(0, config.engine.oneshot.queueTimeoutSecs));
        Integer limit = config.permissions.maxConcurrentOneshots;
        this.slots = limit == null ? null : new Semaphore(Math.max(1, limit), true);
        this.pool = pool;
        this.timer = timer;
    }

    /** See {@link Engine#prepareOneshot}. */
    public OneshotRun prepare(Pipeline pipeline, Map<String, NodeFactory> requestNodes) throws PipelineException {
        GraphPlanner planner = new GraphPlanner(
                kind -> requestNodes.containsKey(kind) ? requestNodes.get(kind)
                        : registry.lookup(kind).map(RegisteredKind::factory).orElse(null),
                registry::closeMatches, GraphRules.Mode.ONESHOT, files);
        Map<String, PlannedNode> plan = planner.plan(pipeline);
        acquireSlot();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (slots != null && released.compareAndSet(false, true)) slots.release();
        };
        try {
            return new OneshotExecution(pipeline, plan, files, mailboxCapacity, pool, timer, deadline, release);
        } catch (PipelineException | RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private void acquireSlot() throws PipelineException {
        if (slots == null) return;
        try {
            if (!slots.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PipelineException(PipelineException.Kind.BUSY, "Maximum concurrent oneshots limit reached");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineException(PipelineException.Kind.BUSY, "Interrupted while waiting for a oneshot slot");
        }
    }
}
