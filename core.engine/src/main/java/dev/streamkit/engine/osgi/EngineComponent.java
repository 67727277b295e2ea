package dev.streamkit.engine.osgi;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.NodeRegistry;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.OneshotRunner;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.engine.SessionManager;
import dev.streamkit.engine.internal.EngineProfile;
import dev.streamkit.engine.internal.FilePolicy;
import dev.streamkit.engine.internal.SessionSettings;
import dev.streamkit.engine.internal.TimerWheel;
import dev.streamkit.engine.internal.SessionRegistry;
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

    /** Kinds that may close a cycle in a pipeline (StreamKit's bidirectional transports). */
    private static final java.util.Set<String> BIDIRECTIONAL_KINDS = java.util.Set.of("transport::moq::peer");

    private final NodeRegistry registry = new NodeRegistry();
    /** Built on first use: the YAML parser is not needed to start serving. */
    private volatile PipelineCompiler compiler;

    @Reference
    private ServerConfig config;

    private ExecutorService pool;
    private ScheduledExecutorService timer;
    private TimerWheel wheel;
    private OneshotRunner oneshots;
    private SessionRegistry sessions;

    /** Threads running node timers: one per core of the target machine (paced chains run on them). */
    private static final int TIMER_THREADS = Integer.getInteger("skit.timer.threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    /** StreamKit's per-node shutdown grace when a session is destroyed. */
    private static final Duration SESSION_GRACE = Duration.ofSeconds(2);
    /** How long stopping sessions may take to end by themselves before they are destroyed (README: Start-up). */
    static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(5);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNodeFactory(NodeFactory factory, ServiceReference<NodeFactory> reference) {
        Version version = reference.getBundle().getVersion();
        registry.register(new RegisteredKind(factory, reference.getBundle().getSymbolicName(), version.toString()));
    }

    void removeNodeFactory(NodeFactory factory) {
        registry.unregister(factory);
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
                SessionSettings.STATS_INTERVAL);
        sessions = new SessionRegistry(kind -> registry.lookup(kind).map(RegisteredKind::factory).orElse(null),
                registry::closeMatches, settings, pool, timer, wheel);
    }

    /** Drains the sessions (within {@link #SHUTDOWN_DRAIN}, then {@link #SESSION_GRACE}) before the pools stop. */
    @Deactivate
    void deactivate() {
        sessions.drainAll(SHUTDOWN_DRAIN);
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
            current = new PipelineCompiler(kind -> BIDIRECTIONAL_KINDS.contains(kind)
                    || registry.lookup(kind).map(entry -> entry.factory().definition().bidirectional()).orElse(false));
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
