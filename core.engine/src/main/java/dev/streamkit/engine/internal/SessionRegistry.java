package dev.streamkit.engine.internal;

import dev.streamkit.engine.RegisteredKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.EngineMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionListener;
import dev.streamkit.engine.SessionManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The live sessions: StreamKit's session-level rules (empty pipeline, unique names,
 * {@code max_concurrent_sessions}), planning with the session variant of the graph rules (fan-out allowed,
 * kinds declared oneshot-only refused), destroy, and a bounded graceful drain when the engine stops.
 */
public final class SessionRegistry implements SessionManager {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Function<String, NodeFactory> factories;
    private final Function<String, List<String>> suggestions;
    private final SessionSettings settings;
    private final Executor pool;
    private final ScheduledExecutorService timer;
    private final TimerWheel wheel;
    /** Guarded by itself; insertion order = creation order. */
    private final Map<String, SessionExecution> sessions = new LinkedHashMap<>();
    /** Names being created, reserved so that two concurrent creates cannot take one name. */
    private final Set<String> reserved = new java.util.HashSet<>();
    private final SessionListeners listeners = new SessionListeners();
    /** Set by {@link #drainAll}: the engine is stopping and creates no more sessions. Guarded by {@code sessions}. */
    private boolean stopping;

    /**
     * @param factories   kind → factory, or {@code null} when unknown
     * @param suggestions kind → close known kinds, for the unknown-kind message
     * @param pool        runs the nodes' tasks
     * @param timer       runs the periodic stats publication
     * @param wheel       the nodes' timers ({@code Outputs.wakeAt})
     */
    public SessionRegistry(Function<String, NodeFactory> factories, Function<String, List<String>> suggestions,
                           SessionSettings settings, Executor pool, ScheduledExecutorService timer, TimerWheel wheel) {
        this.factories = factories;
        this.suggestions = suggestions;
        this.settings = settings;
        this.pool = pool;
        this.timer = timer;
        this.wheel = wheel;
    }

    @Override
    public Session create(String name, Pipeline pipeline, String createdBy) throws PipelineException {
        if (pipeline.nodes().isEmpty()) {
            throw configuration("Pipeline is empty. Add some nodes before creating a session.");
        }
        return open(name, pipeline, createdBy);
    }

    @Override
    public Session createEmpty(String name, String createdBy) throws PipelineException {
        return open(name, new Pipeline(null, null, EngineMode.DYNAMIC, Map.of(), List.of()), createdBy);
    }

    /** Plans, creates and starts a session from a pipeline that passed the session rules (or has no nodes). */
    private Session open(String name, Pipeline pipeline, String createdBy) throws PipelineException {
        GraphPlanner planner = new GraphPlanner(factories, suggestions, GraphRules.Mode.SESSION, settings.files());
        Map<String, PlannedNode> plan = planner.plan(pipeline);
        String id = UUID.randomUUID().toString();
        String chosen = name == null || name.isBlank() ? SessionNames.fromId(id) : name;
        reserve(chosen);
        try {
            SessionInfo info = new SessionInfo(id, chosen, Instant.now().truncatedTo(ChronoUnit.MICROS), createdBy);
            SessionExecution execution = new SessionExecution(info, pipeline, plan, settings, pool, wheel.forSession(id),
                    listeners, planner);
            synchronized (sessions) {
                sessions.put(id, execution);
            }
            execution.start(timer, settings.statsInterval());
            listeners.fire(listener -> listener.sessionCreated(info));
            return execution;
        } finally {
            synchronized (sessions) {
                reserved.remove(chosen);
            }
        }
    }

    private void reserve(String name) throws PipelineException {
        synchronized (sessions) {
            boolean taken = reserved.contains(name)
                    || sessions.values().stream().anyMatch(session -> session.info().name().equals(name));
            if (stopping) throw new PipelineException(PipelineException.Kind.BUSY, "The server is shutting down");
            if (taken) {
                throw new PipelineException(PipelineException.Kind.CONFLICT, "Session with name '" + name + "' already exists");
            }
            if (settings.maxSessions() != null && sessions.size() + reserved.size() >= settings.maxSessions()) {
                throw new PipelineException(PipelineException.Kind.BUSY, "Maximum concurrent sessions limit reached");
            }
            reserved.add(name);
        }
    }

    @Override
    public List<SessionInfo> list() {
        synchronized (sessions) {
            List<SessionInfo> infos = new ArrayList<>();
            for (SessionExecution session : sessions.values()) infos.add(session.info());
            return infos;
        }
    }

    @Override
    public Optional<Session> find(String idOrName) {
        return Optional.ofNullable(lookup(idOrName));
    }

    private SessionExecution lookup(String idOrName) {
        synchronized (sessions) {
            SessionExecution byId = sessions.get(idOrName);
            if (byId != null) return byId;
            for (SessionExecution session : sessions.values()) {
                if (session.info().name().equals(idOrName)) return session;
            }
            return null;
        }
    }

    @Override
    public Optional<SessionInfo> destroy(String idOrName) {
        SessionExecution session;
        synchronized (sessions) {
            session = lookup(idOrName);
            if (session == null) return Optional.empty();
            sessions.remove(session.info().id());
        }
        session.destroy();
        listeners.fire(listener -> listener.sessionDestroyed(session.info()));
        return Optional.of(session.info());
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /**
     * Destroys every session (engine stopping) and waits, one grace period for all, until their nodes are
     * closed: a node still inside a call after that is abandoned.
     */
    public void destroyAll() {
        List<SessionExecution> all = snapshot();
        synchronized (sessions) {
            sessions.clear();
        }
        for (SessionExecution session : all) session.destroy();
        try {
            CompletableFuture.allOf(all.stream().map(SessionExecution::closed).toArray(CompletableFuture[]::new))
                    .get(settings.destroyGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("engine stopping: some nodes were still busy after {} ms and are left unclosed", settings.destroyGrace().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The factory {@code leaving} is being unregistered: every session moves the nodes it made into waiting
     * for a successor. Runs on the unregistering thread and returns once those nodes are closed.
     */
    public void factoryLeaving(RegisteredKind leaving) {
        for (SessionExecution session : snapshot()) session.factoryLeaving(leaving, settings.upgradeGrace(), timer);
    }

    /** A factory registered: nodes waiting for a successor of its kind move to it. */
    public void factoryArrived(RegisteredKind arrived) {
        for (SessionExecution session : snapshot()) session.factoryArrived(arrived);
    }

    private List<SessionExecution> snapshot() {
        synchronized (sessions) {
            return new ArrayList<>(sessions.values());
        }
    }

    /**
     * Stops every session gracefully (the engine is stopping): refuses new sessions, hands every node
     * {@code Shutdown} and gives the sessions up to {@code bound}, shared, to end by themselves (sources
     * finish, end-of-stream flows, muxers flush, files close); then destroys them all as
     * {@link #destroyAll} does, closing their nodes and cancelling what still runs. Returns how many
     * sessions ended within the bound.
     */
    public int drainAll(Duration bound) {
        List<SessionExecution> all;
        synchronized (sessions) {
            stopping = true;
            all = new ArrayList<>(sessions.values());
        }
        long deadline = System.nanoTime() + bound.toNanos();
        for (SessionExecution session : all) session.shutDownNodes();
        int drained = 0;
        for (SessionExecution session : all) {
            if (session.awaitNodesEnded(deadline)) drained++;
        }
        destroyAll();
        return drained;
    }

    private static PipelineException configuration(String message) {
        return new PipelineException(PipelineException.Kind.CONFIGURATION, message);
    }
}
