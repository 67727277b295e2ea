package dev.streamkit.transport.http.api;

import dev.streamkit.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * StreamKit's answer to "what may I do": {@code {"role": name, "permissions": {create_sessions: bool, ...}}}
 * with the fifteen flags and no allowlists; {@code GET /api/v1/permissions} and the WebSocket
 * {@code getpermissions} action both send it.
 */
public final class PermissionsJson {

    private PermissionsJson() {
    }

    /** Adds {@code role} and {@code permissions} to {@code body} and returns it. */
    public static Map<String, Object> into(Map<String, Object> body, Role role) {
        body.put("role", role.name());
        body.put("permissions", role.permissions().flags());
        return body;
    }

    /** The document for {@code role}. */
    public static Map<String, Object> of(Role role) {
        return into(new LinkedHashMap<>(), role);
    }
}
