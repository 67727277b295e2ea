package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeDefinition;
import java.util.Map;

/**
 * What the YAML compiler needs to know about StreamKit kinds that have no factory in StreamKit/J yet, so
 * that StreamKit's pipelines using them compile as they do in StreamKit. Today only
 * {@code transport::moq::peer}, which may close a cycle ({@code peer -> decoder -> ... -> encoder -> peer}).
 * Consulted only when no factory is registered for the kind: a registered definition always wins. Drop an
 * entry once its kind is implemented (its factory then declares the need itself).
 */
public final class UnregisteredKinds {

    private static final Map<String, NodeDefinition> NEEDS = Map.of(
            "transport::moq::peer", NodeDefinition.builder("transport::moq::peer").bidirectional().build());

    private UnregisteredKinds() {
    }

    /** The needs of an unregistered StreamKit kind (pins and params unknown), or {@code null}. */
    public static NodeDefinition needsOf(String kind) {
        return NEEDS.get(kind);
    }
}
