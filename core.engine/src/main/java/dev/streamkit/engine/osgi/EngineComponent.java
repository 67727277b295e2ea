package dev.streamkit.engine.osgi;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.engine.SessionManager;
import dev.streamkit.engine.internal.EngineProfile;
import dev.streamkit.engine.internal.FilePolicy;
import dev.streamkit.engine.internal.KindRegistry;
import dev.streamkit.engine.internal.OneshotRunner;
import dev.streamkit.engine.internal.SessionRegistry;
import dev.streamkit.engine.internal.SessionSettings;
import dev.streamkit.engine.internal.TimerWheel;
import dev.streamkit.engine.internal.UnregisteredKinds;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Publishes the {@link Engine}: tracks every {@link NodeFactory} service as it comes and goes (a bundle
 * started later shows up without a restart) and owns the worker pool, the deadline timer and the sessions.
 */
@Component(service = Engine.class)
public final class EngineComponent implements Engine {

    private final KindRegistry registry = new KindRegistry();
    /** Built on first use: the YAML parser is not needed to start serving. */
    private volatile PipelineCompiler compiler;

    @Reference
    private ServerConfig config;

    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private TimerWheel wheel;
    private OneshotRunner oneshots;
    private volatile SessionRegistry sessions;

    /** Threads running node timers: one per core of the target machine (paced chains run on them). */
    private static final int TIMER_THREADS = Integer.getInteger("skit.timer.threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    /** How long a stopping engine waits for its destroyed sessions' nodes to leave their calls and close. */
    private static final Duration SESSION_GRACE = Duration.ofSeconds(2);
    /** How long stopping sessions may take to end by themselves before they are destroyed (README: Limits and shutdown). */
    static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(5);

    /**
     * A factory registered (a bundle started): its kind is available, and running nodes waiting for a
     * successor of that kind move to it (on the pool, not on the registering thread).
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNodeFactory(NodeFactory factory, ServiceReference<NodeFactory> reference) {
        Version version = reference.getBundle().getVersion();
        RegisteredKind entry = new RegisteredKind(factory, reference.getBundle().getSymbolicName(), version.toString());
        registry.register(entry);
        SessionRegistry live = sessions;
        if (live != null) live.factoryArrived(entry);
    }

    /**
     * A factory is being unregistered (its bundle is stopping, being updated or uninstalled). This runs
     * while the bundle's classes still load, before Felix refreshes it, so the nodes it made finish their
     * current call, hand over their state and are closed here (bounded per node). When another provider of
     * the kind remains, they move to it at once; otherwise they wait for a successor.
     */
    void removeNodeFactory(NodeFactory factory) {
        RegisteredKind leaving = registry.unregister(factory);
        SessionRegistry live = sessions;
        if (leaving == null || live == null) return;
        live.factoryLeaving(leaving);
        registry.lookup(leaving.kind()).ifPresent(live::factoryArrived);
    }

    @Activate
    void activate() {
        pool = Executors.newCachedThreadPool(named("skit-node"));
        timer = Executors.newSingleThreadScheduledExecutor(named("skit-timer"));
        wheel = new TimerWheel(TIMER_THREADS, "skit-pacing");
        Path workDir = Path.of("").toAbsolutePath();
        oneshots = new OneshotRunner(registry, config, workDir, pool, timer);
        SessionSettings settings = new SessionSettings(
                new FilePolicy(workDir, config.security.allowedFilePaths, config.security.allowedWritePaths),
                EngineProfile.nodeInputCapacity(config.engine), config.permissions.maxConcurrentSessions, SESSION_GRACE,
                SessionSettings.STATS_INTERVAL, Duration.ofMillis(Math.round(config.plugins.upgradeGraceSecs * 1000)));
        sessions = new SessionRegistry(kind -> registry.lookup(kind).map(RegisteredKind::factory).orElse(null),
                registry::closeMatches, settings, pool, timer, wheel);
    }

    /** Drains the sessions (within {@link #SHUTDOWN_DRAIN}, then {@link #SESSION_GRACE}) before the pools stop. */
    @Deactivate
    void deactivate() {
        SessionRegistry live = sessions;
        sessions = null; // plugin factories leaving from now on are the framework stopping, not an upgrade
        live.drainAll(SHUTDOWN_DRAIN);
        pool.shutdownNow();
        timer.shutdownNow();
        wheel.close();
    }

    @Override
    public NodeRegistry registry() {
        return registry;
    }

    @Override
    public Pipeline compile(String yaml) throws PipelineException {
        PipelineCompiler current = compiler;
        if (current == null) {
            current = new PipelineCompiler(kind -> registry.lookup(kind).map(entry -> entry.factory().definition())
                    .orElseGet(() -> UnregisteredKinds.needsOf(kind)));
            compiler = current;
        }
        return current.compile(yaml);
    }

    @Override
    public OneshotRun prepareOneshot(Pipeline pipeline, Map<String, NodeFactory> requestNodes) throws PipelineException {
        return oneshots.prepare(pipeline, requestNodes);
    }

    @Override
    public SessionManager sessions() {
        return sessions;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
