package dev.streamkit.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin built against today's core.api (node {@value #TODAY}) with bnd, as the plugin template builds one,
 * resolves on a core.api whose packages moved to the next minor version and is refused by one at 2.0, because it
 * only implements consumer types ({@code NodeFactory}, {@code Node}). A bundle implementing a provider type
 * ({@code Outputs}, as the engine does) gets the narrow range and is refused by the next minor version as well. The core.api bundles are today's classes
 * with their export versions rewritten.
 */
class PluginResolutionTest {

    private static final String NODE_PACKAGE = "dev.streamkit.api.node";
    /** The node package's version today (its package-info.java), and the next minor one. */
    private static final String TODAY = "1.3.0";
    private static final String NEXT_MINOR = "1.4.0";

    @TempDir
    static Path work;

    private static Path plugin;
    private static Path outputsProvider;

    @BeforeAll
    static void buildBundlesAgainstTodaysApi() throws Exception {
        plugin = compiledBundle("test.plugin", Map.of("test/plugin/EchoFactory.java", """
                package test.plugin;
                import dev.streamkit.api.node.*;
                import dev.streamkit.api.packet.*;
                public final class EchoFactory implements NodeFactory {
                    private static final NodeDefinition DEFINITION = NodeDefinition.builder("test::echo")
                            .input(InputPin.one("in", PacketType.ANY))
                            .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH)).build();
                    public NodeDefinition definition() { return DEFINITION; }
                    public Node create(Params params, NodeContext context) {
                        return new Node() {
                            public void onPacket(String pin, Packet packet, Outputs out) { out.send("out", packet); }
                        };
                    }
                }
                """));
        outputsProvider = compiledBundle("test.provider", Map.of("test/provider/DroppingOutputs.java", """
                package test.provider;
                import dev.streamkit.api.node.*;
                import dev.streamkit.api.packet.Packet;
                public final class DroppingOutputs implements Outputs {
                    public void send(String outputPin, Packet packet) {}
                    public void finish() {}
                    public void fail(NodeException error) {}
                    public boolean isCancelled() { return false; }
                }
                """));
    }

    @Test
    void pluginImportsTheNodePackageUpToTheNextMajorVersion() throws Exception {
        assertTrue(FixtureBundles.header(plugin, "Import-Package").contains(NODE_PACKAGE + ";version=\"[1.3,2)\""),
                FixtureBundles.header(plugin, "Import-Package"));
    }

    @Test
    void pluginResolvesOnTheApiItWasBuiltWith() throws Exception {
        assertEquals(Optional.empty(), resolve(coreApi(TODAY), plugin));
    }

    @Test
    void pluginResolvesOnANewerMinorApi() throws Exception {
        assertEquals(Optional.empty(), resolve(coreApi(NEXT_MINOR), plugin));
    }

    @Test
    void pluginIsRefusedByTheNextMajorApi() throws Exception {
        Optional<String> refusal = resolve(coreApi("2.0.0"), plugin);

        assertTrue(refusal.isPresent(), "a plugin built for 1.x resolved on 2.0");
        assertTrue(refusal.get().contains(NODE_PACKAGE), refusal.get());
    }

    @Test
    void implementingAProviderTypeTiesABundleToTheMinorVersion() throws Exception {
        assertEquals(Optional.empty(), resolve(coreApi(TODAY), outputsProvider));
        Optional<String> refusal = resolve(coreApi(NEXT_MINOR), outputsProvider);
        assertTrue(refusal.isPresent() && refusal.get().contains(NODE_PACKAGE), String.valueOf(refusal));
    }

    private static Optional<String> resolve(Path api, Path bundle) throws Exception {
        try (EmbeddedFramework framework = new EmbeddedFramework(Files.createTempDirectory(work, "felix"))) {
            return framework.resolve(api, bundle);
        }
    }

    /** Today's core.api classes as a bundle whose three packages are exported at {@code version}. */
    private static Path coreApi(String version) throws Exception {
        Path jar = work.resolve("core.api-" + version + ".jar");
        if (Files.exists(jar)) return jar;
        String exports = "dev.streamkit.api.node;version=%1$s,dev.streamkit.api.packet;version=%1$s,"
                + "dev.streamkit.api.pipeline;version=%1$s";
        return FixtureBundles.bundle(FixtureBundles.CORE_API_CLASSES, jar, Map.of(
                "Bundle-SymbolicName", "dev.streamkit.core.api", "Bundle-Version", version,
                "Export-Package", exports.formatted(version)), List.of());
    }

    private static Path compiledBundle(String symbolicName, Map<String, String> sources) throws Exception {
        Path classes = FixtureBundles.compile(work, sources, List.of(FixtureBundles.CORE_API_CLASSES));
        return FixtureBundles.bundle(classes, work.resolve(symbolicName + ".jar"), Map.of(
                "Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "-includepackage", symbolicName), List.of(FixtureBundles.CORE_API_CLASSES));
    }
}
