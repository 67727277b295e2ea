package dev.streamkit.transport.http.api;

import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.SessionManager;
import dev.streamkit.security.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-role caps on what a role may run at once (StreamKit/J additions to {@code [permissions.roles.<name>]}):
 * {@code max_concurrent_sessions} dynamic sessions created by the role and {@code max_concurrent_oneshots}
 * oneshot requests in flight. Past a cap the request fails at once with {@link PipelineException.Kind#BUSY}
 * (429 over HTTP, an {@code error} over the WebSocket); a role without caps, or a built-in role not configured,
 * is limited only by the global {@code [permissions]} caps the engine enforces. Session creations of one capped
 * role are serialised, so the count cannot be overrun by concurrent requests.
 */
public final class RoleQuotas {

    /** A session creation that runs once the role's cap allows it. */
    @FunctionalInterface
    public interface Creation<T> {
        T create() throws PipelineException;
    }

    private final Map<String, Integer> sessionCaps = new HashMap<>();
    private final Map<String, Integer> oneshotCaps = new HashMap<>();
    private final Map<String, Object> creationLocks = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> oneshotSlots = new ConcurrentHashMap<>();
    private final SessionManager sessions;

    public RoleQuotas(Map<String, ServerConfig.RolePermissions> roles, SessionManager sessions) {
        roles.forEach((name, role) -> {
            if (role.maxConcurrentSessions != null) sessionCaps.put(name, Math.max(0, role.maxConcurrentSessions));
            if (role.maxConcurrentOneshots != null) oneshotCaps.put(name, Math.max(0, role.maxConcurrentOneshots));
        });
        this.sessions = sessions;
    }

    /** Runs {@code creation} if {@code role} has fewer sessions than its cap, else fails with BUSY. */
    public <T> T createSession(Role role, Creation<T> creation) throws PipelineException {
        Integer cap = sessionCaps.get(role.name());
        if (cap == null) return creation.create();
        synchronized (creationLocks.computeIfAbsent(role.name(), name -> new Object())) {
            long open = sessions.list().stream().filter(session -> role.name().equals(session.createdBy())).count();
            if (open >= cap) {
                throw new PipelineException(PipelineException.Kind.BUSY,
                        "Maximum concurrent sessions limit reached for role '" + role.name() + "'");
            }
            return creation.create();
        }
    }

    /**
     * Takes one of {@code role}'s oneshot slots, or fails with BUSY when all are taken; the returned action gives
     * the slot back (calling it again does nothing).
     */
    public Runnable takeOneshotSlot(Role role) throws PipelineException {
        Integer cap = oneshotCaps.get(role.name());
        if (cap == null) return () -> { };
        Semaphore slots = oneshotSlots.computeIfAbsent(role.name(), name -> new Semaphore(cap));
        if (!slots.tryAcquire()) {
            throw new PipelineException(PipelineException.Kind.BUSY,
                    "Maximum concurrent oneshots limit reached for role '" + role.name() + "'");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) slots.release();
        };
    }
}
