package dev.streamkit.engine;

import dev.streamkit.api.pipeline.Pipeline;
import java.util.List;
import java.util.Optional;

/**
 * StreamKit's dynamic sessions: create one from a compiled pipeline, find it by id or name, destroy it.
 * Everything is checked before any node starts; sources start once every node exists. Thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SessionManager {

    /**
     * Checks the pipeline, creates and wires every node and starts the sources.
     *
     * @param name unique session name, or {@code null} to generate one from the id
     * @throws PipelineException {@code CONFIGURATION} for an empty pipeline, oneshot-only or unknown kinds,
     *                           bad params, pins or types; {@code CONFLICT} for a taken name; {@code BUSY}
     *                           when {@code permissions.max_concurrent_sessions} is reached
     */
    default Session create(String name, Pipeline pipeline) throws PipelineException {
        return create(name, pipeline, null);
    }

    /**
     * As {@link #create(String, Pipeline)}, recording {@code createdBy} (the creating role) in the
     * session's {@link SessionInfo} for ownership checks.
     */
    Session create(String name, Pipeline pipeline, String createdBy) throws PipelineException;

    /**
     * Creates a session without nodes, as StreamKit's WebSocket {@code createsession} does: nodes and
     * connections are added live afterwards. The HTTP route keeps refusing an empty pipeline through
     * {@link #create}. Since 1.5.
     *
     * @param name      unique session name, or {@code null} to generate one from the id
     * @param createdBy the creating role, for ownership checks
     * @throws PipelineException {@code CONFLICT} for a taken name; {@code BUSY} when
     *                           {@code permissions.max_concurrent_sessions} is reached
     */
    Session createEmpty(String name, String createdBy) throws PipelineException;

    /** Live sessions, oldest first. */
    List<SessionInfo> list();

    /** The session whose id, or else whose name, is {@code idOrName}. */
    Optional<Session> find(String idOrName);

    /**
     * Stops the session's nodes (bounded grace, then they are abandoned), closes each node once and
     * forgets the session; returns within the engine's destroy bound.
     *
     * @return the destroyed session's info, or empty when there is no such session
     */
    Optional<SessionInfo> destroy(String idOrName);

    /** Starts sending session events to {@code listener} (no replay of past events). */
    void addListener(SessionListener listener);

    /** Stops sending events to {@code listener}. */
    void removeListener(SessionListener listener);
}
