package dev.streamkit.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.RegisteredKind;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.LoggerFactory;

/**
 * Inside a real Felix running the product's bundles: the {@link Engine} service lists the built-in node
 * kinds with the bundle that provides each, and follows a {@link NodeFactory} service registered and
 * unregistered at runtime; SLF4J inside the framework found its provider (SPI Fly started early enough).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeRegistryInFrameworkTest {

    @Inject
    private Engine engine;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {InFrameworkRuntime.options()};
    }

    @Test(timeout = 30_000)
    public void listsBuiltInKindsWithTheirBundles() throws Exception {
        Map<String, String> expected = Map.of(
                "core::passthrough", "dev.streamkit.nodes.core",
                "core::sink", "dev.streamkit.nodes.core",
                "core::file_reader", "dev.streamkit.nodes.core",
                "audio::gain", "dev.streamkit.nodes.audio",
                "audio::mixer", "dev.streamkit.nodes.audio",
                "containers::wav::demuxer", "dev.streamkit.nodes.codecs",
                "containers::wav::muxer", "dev.streamkit.nodes.codecs");
        Map<String, String> actual = Awaits.until(this::bundlesByKind,
                kinds -> kinds.keySet().containsAll(expected.keySet()), "the built-in kinds");
        expected.forEach((kind, bundle) -> assertEquals(kind, bundle, actual.get(kind)));
    }

    @Test(timeout = 30_000)
    public void slf4jUsesTheProviderBundleStartedFirst() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test(timeout = 30_000)
    public void followsAFactoryServiceRegisteredAtRuntime() throws Exception {
        NodeFactory factory = new ForwardingFactory("test::programmatic");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(NodeFactory.KIND_PROPERTY, "test::programmatic");
        ServiceRegistration<NodeFactory> registration = context.registerService(NodeFactory.class, factory, properties);
        try {
            RegisteredKind entry = Awaits.until(() -> engine.registry().lookup("test::programmatic"), Optional::isPresent,
                    "test::programmatic to appear").get();
            assertEquals(context.getBundle().getSymbolicName(), entry.bundle());
        } finally {
            registration.unregister();
        }
        Awaits.until(() -> engine.registry().lookup("test::programmatic"), Optional::isEmpty,
                "test::programmatic to go");
        assertTrue("built-in kinds stay", engine.registry().lookup("core::passthrough").isPresent());
    }

    private Map<String, String> bundlesByKind() {
        return engine.registry().all().stream()
                .collect(Collectors.toMap(RegisteredKind::kind, RegisteredKind::bundle, (a, b) -> b));
    }

    /** A factory whose nodes forward every packet, registered by the test itself. */
    private static final class ForwardingFactory implements NodeFactory {
        private final NodeDefinition definition;

        ForwardingFactory(String kind) {
            definition = NodeDefinition.builder(kind).description("registered by the test")
                    .input(InputPin.one("in", PacketType.ANY))
                    .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH)).build();
        }

        @Override
        public NodeDefinition definition() {
            return definition;
        }

        @Override
        public Node create(Params params, NodeContext context) {
            return new Node() {
                @Override
                public void onPacket(String pin, Packet packet, Outputs out) {
                    out.send("out", packet);
                }
            };
        }
    }
}
