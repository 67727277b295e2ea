package dev.streamkit.engine.internal;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

    private final Map<String, NodeSlot> slots = new LinkedHashMap<>();
    private final Map<String, String> upstreamOf = new HashMap<>();
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final Duration deadline;
    private final Runnable onEnd;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger activeTasks = new AtomicInteger();
    private final AtomicInteger remaining = new AtomicInteger();
    private final Set<Thread> taskThreads = new HashSet<>();
    private volatile ScheduledFuture<?> deadlineTimer;

    /**
     * Creates every node and wires the slots. On failure, nodes created so far are closed.
     *
     * @param onEnd called once when the run reached its outcome (frees the concurrency slot)
     */
    public OneshotExecution(Pipeline pipeline, Map<String, PlannedNode> plan, FilePolicy files, int mailboxCapacity,
                            Executor pool, ScheduledExecutorService timer, Duration deadline, Runnable onEnd)
            throws PipelineException {
        this.pool = pool;
        this.timer = timer;
        this.deadline = deadline;
        this.onEnd = onEnd;
        createSlots(plan, files);
        Map<String, Integer> incoming = new HashMap<>();
        for (Connection c : pipeline.connections()) {
            slots.get(c.fromNode()).connect(c.fromPin(), slots.get(c.toNode()), c.toPin());
            incoming.merge(c.toNode(), 1, Integer::sum);
            upstreamOf.put(c.toNode(), c.fromNode());
        }
        for (NodeSlot slot : slots.values()) {
            int count = incoming.getOrDefault(slot.id(), 0);
            boolean needsMailbox = slot.node().invocation() == Node.Invocation.BLOCKING || count > 1;
            slot.useInbox(needsMailbox ? new MailboxInbox(slot, this, mailboxCapacity) : new InlineInbox(slot));
        }
        remaining.set(slots.size());
    }

    private void createSlots(Map<String, PlannedNode> plan, FilePolicy files) throws PipelineException {
        for (PlannedNode planned : plan.values()) {
            try {
                Node node = planned.factory().create(planned.params(), new EngineNodeContext(planned.id(), null, files));
                slots.put(planned.id(), new NodeSlot(planned.id(), planned.kind(), node, this));
            } catch (NodeException e) {
                closeNodes();
                throw NodeFailures.describe(planned.id(), planned.kind(), e);
            } catch (RuntimeException e) {
                closeNodes();
                throw new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: cannot create node '"
                        + planned.id() + "' (" + planned.kind() + "): " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String upstreamContentType(String nodeId) {
        String upstream = upstreamOf.get(nodeId);
        return upstream == null ? null : slots.get(upstream).node().contentType();
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("run already started");
        deadlineTimer = timer.schedule(() -> end(new PipelineException(PipelineException.Kind.TIMEOUT,
                "Pipeline exceeded its deadline of " + deadline.toSeconds() + " s")), deadline.toMillis(), TimeUnit.MILLISECONDS);
        List<NodeSlot> sources = new ArrayList<>();
        for (NodeSlot slot : slots.values()) {
            if (isSource(slot)) sources.add(slot);
        }
        if (sources.isEmpty()) {
            end(new PipelineException(PipelineException.Kind.CONFIGURATION, "Pipeline has no source node"));
            return;
        }
        for (NodeSlot source : sources) execute(source::start);
    }

    private boolean isSource(NodeSlot slot) {
        return !upstreamOf.containsKey(slot.id());
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
        activeTasks.incrementAndGet();
        try {
            pool.execute(() -> runTracked(task));
        } catch (RejectedExecutionException e) {
            activeTasks.decrementAndGet();
            end(new PipelineException(PipelineException.Kind.RUNTIME, "Pipeline execution error: engine is shutting down"));
        }
    }

    private void runTracked(Runnable task) {
        Thread current = Thread.currentThread();
        synchronized (taskThreads) {
            taskThreads.add(current);
        }
        try {
            if (!cancelled.get()) task.run();
        } finally {
            synchronized (taskThreads) {
                taskThreads.remove(current);
                Thread.interrupted(); // an interrupt meant for this run must not leak into the pool's next task
            }
            if (activeTasks.decrementAndGet() == 0) closeIfEnded();
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
        if (failure != null) {
            synchronized (taskThreads) {
                for (Thread thread : taskThreads) thread.interrupt();
            }
        }
        onEnd.run();
        closeIfEnded();
    }

    private void closeIfEnded() {
        if (completion.isDone() && activeTasks.get() == 0 && closed.compareAndSet(false, true)) {
            closeNodes();
        }
    }

    private void closeNodes() {
        for (NodeSlot slot : slots.values()) {
            try {
                slot.node().close();
            } catch (RuntimeException e) {
                // Closing is best effort; one node's failure must not keep the others open.
            }
        }
    }
}
