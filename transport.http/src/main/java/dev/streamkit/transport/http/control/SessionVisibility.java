package dev.streamkit.transport.http.control;

import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionManager;
import dev.streamkit.security.Permission;
import dev.streamkit.security.Role;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sockets may receive a session's events: roles with {@code access_all_sessions} get all; the others
 * only those of sessions they may reach ({@link Role#mayAccess}), judged by the session's recorded creator.
 * Creators are cached by session id (looked up once, on {@code sessioncreated} or the first node event) and
 * forgotten on {@code sessiondestroyed}. An event of a session that is unknown by then (a late straggler)
 * goes to the all-sessions roles only. Thread-safe; called on engine threads.
 */
final class SessionVisibility {

    private final SessionManager sessions;
    /** Session id → its creator (empty when none was recorded). */
    private final ConcurrentHashMap<String, Optional<String>> creators = new ConcurrentHashMap<>();

    SessionVisibility(SessionManager sessions) {
        this.sessions = sessions;
    }

    /** Records a new session's creator. */
    void remember(SessionInfo info) {
        creators.put(info.id(), Optional.ofNullable(info.createdBy()));
    }

    /** Forgets a destroyed session. */
    void forget(String sessionId) {
        creators.remove(sessionId);
    }

    /** Whether {@code role} may receive events of the session {@code sessionId}. */
    boolean visibleTo(Role role, String sessionId) {
        if (role.can(Permission.ACCESS_ALL_SESSIONS)) return true;
        Optional<String> creator = creators.computeIfAbsent(sessionId, this::lookup);
        return creator != null && role.mayAccess(creator.orElse(null));
    }

    /** The creator of a live session, or {@code null} (not cached) when there is no such session. */
    private Optional<String> lookup(String sessionId) {
        return sessions.find(sessionId).filter(session -> session.info().id().equals(sessionId))
                .map(session -> Optional.ofNullable(session.info().createdBy())).orElse(null);
    }
}
