package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.Params;
import dev.streamkit.engine.RegisteredKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindRegistryTest {

    private static NodeFactory factory(String kind) {
        NodeDefinition definition = NodeDefinition.builder(kind).build();
        return new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                return new Node() { };
            }
        };
    }

    @Test
    void lastRegisteredProviderWinsAndEarlierReturnsWhenItLeaves() {
        KindRegistry registry = new KindRegistry();
        NodeFactory v1 = factory("audio::gain");
        NodeFactory v2 = factory("audio::gain");
        registry.register(new RegisteredKind(v1, "gain.bundle", "1.0.0"));
        registry.register(new RegisteredKind(v2, "gain.bundle", "2.0.0"));
        assertEquals("2.0.0", registry.lookup("audio::gain").orElseThrow().bundleVersion());
        registry.unregister(v2);
        assertEquals("1.0.0", registry.lookup("audio::gain").orElseThrow().bundleVersion());
        registry.unregister(v1);
        assertTrue(registry.lookup("audio::gain").isEmpty());
        assertTrue(registry.all().isEmpty());
    }

    @Test
    void listsKindsSortedAndSuggestsCloseNames() {
        KindRegistry registry = new KindRegistry();
        for (String kind : List.of("core::sink", "audio::gain", "core::passthrough")) {
            registry.register(new RegisteredKind(factory(kind), "b", "1"));
        }
        assertEquals(List.of("audio::gain", "core::passthrough", "core::sink"),
                registry.all().stream().map(RegisteredKind::kind).toList());
        assertEquals(List.of("audio::gain"), registry.closeMatches("audio::gian"));
        assertEquals(List.of("core::sink"), registry.closeMatches("sink"));
        assertTrue(registry.closeMatches("video::compositor").isEmpty());
    }
}
