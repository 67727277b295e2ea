package dev.streamkit.transport.http.api;

import dev.streamkit.engine.Engine;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.oneshot.HttpNodeDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node kinds a caller may use, as {@code GET /api/v1/schema/nodes} and the WebSocket {@code listnodes}
 * answer: every registered kind plus the two synthetic oneshot nodes, filtered by the role's
 * {@code allowed_nodes} (and {@code allowed_plugins} for plugin kinds).
 */
public final class NodeSchemaCatalog {

    private final Engine engine;
    private final String bundle;
    private final String version;

    /**
     * @param bundle  symbolic name of the bundle serving the synthetic nodes (this one)
     * @param version its version
     */
    public NodeSchemaCatalog(Engine engine, String bundle, String version) {
        this.engine = engine;
        this.bundle = bundle;
        this.version = version;
    }

    /** The schemas of the kinds {@code role} may use. */
    public List<Map<String, Object>> visibleTo(Role role) {
        List<Map<String, Object>> schemas = new ArrayList<>();
        for (RegisteredKind kind : engine.registry().all()) {
            if (role.allowsNodeKind(kind.kind())) {
                schemas.add(NodeSchemaJson.of(kind.factory().definition(), kind.bundle(), kind.bundleVersion()));
            }
        }
        HttpNodeDefinitions.ALL.stream().filter(definition -> role.allowsNodeKind(definition.kind()))
                .forEach(definition -> schemas.add(NodeSchemaJson.of(definition, bundle, version)));
        return schemas;
    }
}
