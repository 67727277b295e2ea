package dev.streamkit.transport.http.api;

import dev.streamkit.engine.Engine;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node kinds a caller may use, as {@code GET /api/v1/schema/nodes} and the WebSocket {@code listnodes}
 * answer: every registered kind (the oneshot-only {@code streamkit::http_input}/{@code http_output} are
 * registered by this bundle too), filtered by the role's {@code allowed_nodes} (and {@code allowed_plugins}
 * for plugin kinds).
 */
public final class NodeSchemaCatalog {

    private final Engine engine;

    public NodeSchemaCatalog(Engine engine) {
        this.engine = engine;
    }

    /** The schemas of the kinds {@code role} may use. */
    public List<Map<String, Object>> visibleTo(Role role) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (RegisteredKind kind : engine.registry().all()) {
            if (role.allowsNodeKind(kind.kind())) {
                schemas.add(NodeSchemaJson.of(kind.factory().definition(), kind.bundle(), kind.bundleVersion()));
            }
        }
        return schemas;
    }
}
