package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running oneshot pipeline: slots wired by the plan, inline or mailbox inboxes, sources started on
 * the pool, a deadline, and a single terminal outcome. Nodes are closed exactly once, after the run
 * ended and the last of its tasks left the pool.
 */
public final class OneshotExecution implements OneshotRun, RunContext {

    private final SlotGraph graph;
    private final TaskTracker tasks;
    private final ScheduledExecutorService timer;
    private final Duration deadline;
    private final Runnable onEnd;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile ScheduledFuture<?> deadlineTimer;

    /**
     * Creates every node and wires the slots. On failure, nodes created so far are closed.
     *
     * @param onEnd called once when the run reached its outcome (frees the concurrency slot)
     */
    public OneshotExecution(Pipeline pipeline, Map<String, PlannedNode> plan, FilePolicy files, int mailboxCapacity,
                            Executor pool, ScheduledExecutorService timer, Duration deadline, Runnable onEnd)
            throws PipelineException {
        this.timer = timer;
        this.deadline = deadline;
        this.onEnd = onEnd;
        this.tasks = new TaskTracker(pool, cancelled::get, this::closeIfEnded);
        this.graph = new SlotGraph(plan.values(), files, null, this, mailboxCapacity, false);
        graph.wire(pipeline.connections());
        remaining.set(graph.slots().size());
    }

    @Override
    public String upstreamContentType(String nodeId) {
        String upstream = graph.upstreamOf(nodeId);
        return upstream == null ? null : graph.slots().get(upstream).node().contentType();
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("run already started");
        deadlineTimer = timer.schedule(() -> end(new PipelineException(PipelineException.Kind.TIMEOUT,
                "Pipeline exceeded its deadline of " + deadline.toSeconds() + " s")), deadline.toMillis(), TimeUnit.MILLISECONDS);
        List<NodeSlot> sources = new ArrayList<>();
        for (NodeSlot slot : graph.slots().values()) {
            if (graph.isSource(slot)) sources.add(slot);
        }
        if (sources.isEmpty()) {
            end(new PipelineException(PipelineException.Kind.CONFIGURATION, "Pipeline has no source node"));
            return;
        }
        for (NodeSlot source : sources) execute(source::start);
    }

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    @Override
    public void cancel(String reason) {
        end(new PipelineException(PipelineException.Kind.CANCELLED, "Pipeline cancelled: " + reason));
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void execute(Runnable task) {
        if (!tasks.execute(task)) {
            end(new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: engine is shutting down"));
        }
    }

    @Override
    public void slotFinished(NodeSlot slot) {
        if (remaining.decrementAndGet() == 0) end(null);
    }

    @Override
    public void slotFailed(NodeSlot slot, NodeException error) {
        end(NodeFailures.describe(slot.id(), slot.kind(), error));
    }

    /** Records the outcome once: {@code null} is success. Stops every other node on failure. */
    private void end(PipelineException failure) {
        if (completion.isDone()) return;
        if (failure != null) cancelled.set(true);
        boolean first = failure == null ? completion.complete(null) : completion.completeExceptionally(failure);
        if (!first) return;
        ScheduledFuture<?> timerTask = deadlineTimer;
        if (timerTask != null) timerTask.cancel(false);
        if (failure != null) tasks.interruptAll();
        onEnd.run();
        closeIfEnded();
    }

    private void closeIfEnded() {
        if (completion.isDone() && tasks.isIdle() && closed.compareAndSet(false, true)) {
            graph.closeNodes();
        }
    }
}
