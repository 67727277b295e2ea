package dev.streamkit.transport.http.sessions;

import dev.streamkit.engine.SessionInfo;
import dev.streamkit.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** StreamKit's session summaries ({@code [{"id","name","created_at"}]}), shared by HTTP and WebSocket. */
public final class SessionListJson {

    private SessionListJson() {
    }

    /** The sessions {@code role} may see: all with {@code access_all_sessions}, else its own and unowned ones. */
    public static List<SessionInfo> visibleTo(Role role, List<SessionInfo> sessions) {
        return sessions.stream().filter(info -> role.mayAccess(info.createdBy())).toList();
    }

    public static List<Map<String, Object>> of(List<SessionInfo> sessions) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (SessionInfo info : sessions) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", info.id());
            entry.put("name", info.name());
            entry.put("created_at", info.createdAt().toString());
            entries.add(entry);
        }
        return entries;
    }
}
