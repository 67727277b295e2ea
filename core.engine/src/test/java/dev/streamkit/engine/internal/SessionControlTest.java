package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.EngineMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.NodeCommand;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Empty sessions built live, and StreamKit's {@code Start} / {@code Shutdown} node commands. */
class SessionControlTest {

    private static final NodeState SHUT_DOWN = NodeState.stopped("shutdown");

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    private final AtomicInteger starts = new AtomicInteger();
    /** Sources whose {@code onStart} returned or threw. */
    private final AtomicInteger sourceExits = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger inputEnds = new AtomicInteger();
    private final SessionRegistry sessions;

    SessionControlTest() {
        PacketType bin = PacketType.BINARY;
        register(NodeDefinition.builder("test::ticks").output(OutputPin.broadcast("out", bin)).build(), params -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(Outputs out) throws InterruptedException {
                starts.incrementAndGet();
                try {
                    for (int i = 0; i < 100_000; i++) { // ignores isCancelled: only send can stop it
                        out.send("out", BinaryPacket.of(new byte[] {1}));
                        Thread.sleep(2);
                    }
                    out.finish();
                } finally {
                    sourceExits.incrementAndGet();
                }
            }
        });
        // Ignores every control message, Shutdown included.
        register(NodeDefinition.builder("test::pass").input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin))
                .build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        out.send("out", packet);
                    }
                });
        // Handles Shutdown itself, as the pacers do: it finishes.
        register(NodeDefinition.builder("test::polite").input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin))
                .build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        out.send("out", packet);
                    }

                    public void onControl(ControlMessage message, Outputs out) {
                        if (message instanceof ControlMessage.Shutdown) out.finish();
                    }
                });
        register(NodeDefinition.builder("test::collect").input(InputPin.one("in", bin)).build(), params -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                received.incrementAndGet();
            }

            public void onInputEnd(String pin, Outputs out) {
                inputEnds.incrementAndGet();
                out.finish();
            }
        });
        sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
    }

    private void register(NodeDefinition definition, Function<Params, Node> create) {
        factories.put(definition.kind(), new LambdaNodeFactory(definition, create));
    }

    @AfterEach
    void stop() {
        sessions.destroyAll();
        pool.shutdownNow();
    }

    /** An empty session with {@code src → pass → sink} added and connected live, {@code pass} of {@code kind}. */
    private Session chain(String kind) throws PipelineException {
        Session session = sessions.createEmpty("chain", null);
        session.addNode("src", "test::ticks", null);
        session.addNode("pass", kind, null);
        session.addNode("sink", "test::collect", null);
        session.connect("pass", "out", "sink", "in", null);
        session.connect("src", "out", "pass", "in", null);
        return session;
    }

    private static void awaitState(Session session, String node, NodeState state) throws InterruptedException {
        TestSessions.await(() -> state.equals(session.nodeStates().get(node)), node + " " + state);
    }

    @Test
    void emptySessionRunsNodesAddedLive() throws Exception {
        Session session = sessions.createEmpty(null, "admin");
        assertTrue(session.pipeline().nodes().isEmpty());
        assertTrue(session.nodeStates().isEmpty());
        assertEquals("admin", session.info().createdBy());
        assertTrue(sessions.find(session.info().name()).isPresent(), "a name is generated");

        Session chain = chain("test::pass");
        TestSessions.await(() -> received.get() > 3, "packets through the live chain");
        assertEquals(NodeState.RUNNING, chain.nodeStates().get("src"));
        assertEquals(2, chain.pipeline().connections().size());
    }

    @Test
    void createStillRefusesAnEmptyPipeline() {
        Pipeline empty = new Pipeline(null, null, EngineMode.DYNAMIC, Map.of(), List.of());
        PipelineException e = assertThrows(PipelineException.class, () -> sessions.create("x", empty));
        assertEquals("Pipeline is empty. Add some nodes before creating a session.", e.getMessage());
        assertTrue(sessions.list().isEmpty());
    }

    @Test
    void startReleasesASourceWaitingWithoutDownstream() throws Exception {
        Session session = sessions.createEmpty("start", null);
        session.addNode("src", "test::ticks", null);
        assertEquals(NodeState.READY, session.nodeStates().get("src"));
        assertEquals(0, starts.get());

        session.control("src", NodeCommand.START);
        TestSessions.await(() -> session.nodeStats().get("src").sent() > 3, "the started source sending");
        assertEquals(NodeState.RUNNING, session.nodeStates().get("src"));
        session.control("src", NodeCommand.START); // already running: nothing changes
        assertEquals(1, starts.get());
    }

    /** Runs {@link #chain}, shuts {@code node} down once packets flow, and waits for it and the sink to end. */
    private Session shutDownInChain(String node, String passKind) throws Exception {
        Session session = chain(passKind);
        TestSessions.await(() -> received.get() > 3, "packets through the chain");
        session.control(node, NodeCommand.SHUTDOWN);
        awaitState(session, node, SHUT_DOWN);
        awaitState(session, "sink", NodeState.stopped("completed"));
        return session;
    }

    @Test
    void shutdownEndsANodeThatIgnoresItAndItsConsumerSeesEndOfStream() throws Exception {
        Session session = shutDownInChain("pass", "test::pass");
        assertEquals(1, inputEnds.get());
        assertEquals(NodeState.RUNNING, session.nodeStates().get("src"));
    }

    @Test
    void aNodeFinishingItselfOnShutdownAlsoEndsAsShutDown() throws Exception {
        shutDownInChain("pass", "test::polite");
        assertEquals(1, inputEnds.get());
    }

    @Test
    void shutdownStopsASourceLoopAndEndsItsStream() throws Exception {
        shutDownInChain("src", "test::pass");
        assertEquals(1, inputEnds.get());
        TestSessions.await(() -> sourceExits.get() == 1, "the source leaving its loop");
    }

    @Test
    void shutdownOfAWaitingSourceEndsItWithoutStarting() throws Exception {
        Session session = sessions.createEmpty("ready", null);
        session.addNode("src", "test::ticks", null);
        session.control("src", NodeCommand.SHUTDOWN);
        assertEquals(SHUT_DOWN, session.nodeStates().get("src"));
        session.addNode("sink", "test::collect", null);
        session.connect("src", "out", "sink", "in", null); // would start a waiting source
        assertEquals(0, starts.get());
    }

    @Test
    void commandsForMissingOrEndedNodesAreRefused() throws Exception {
        Session session = sessions.createEmpty("refusals", null);
        PipelineException missing = assertThrows(PipelineException.class, () -> session.control("nope", NodeCommand.START));
        assertTrue(missing.getMessage().contains("'nope' not found"), missing.getMessage());
        session.addNode("src", "test::ticks", null);
        session.control("src", NodeCommand.SHUTDOWN);
        for (NodeCommand command : NodeCommand.values()) {
            PipelineException ended = assertThrows(PipelineException.class, () -> session.control("src", command));
            assertTrue(ended.getMessage().contains("already stopped"), ended.getMessage());
        }
    }
}
