package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session lifecycle: create, fan-out, best-effort drops, failure isolation, destroy. */
class SessionRegistryTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    private final Map<String, List<Integer>> collected = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    private final PipelineCompiler compiler = new PipelineCompiler();

    SessionRegistryTest() {
        PacketType bin = PacketType.BINARY;
        register(NodeDefinition.builder("streamkit::http_input").output(OutputPin.broadcast("out", bin)).oneshotOnly().build(),
                () -> new Node() {
                });
        register(NodeDefinition.builder("test::count").output(OutputPin.broadcast("out", bin)).build(), () -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(Outputs out) {
                for (int i = 0; i < 10; i++) out.send("out", BinaryPacket.of(new byte[] {(byte) i}));
                out.finish();
            }
        });
        register(NodeDefinition.builder("test::forever").output(OutputPin.broadcast("out", bin)).build(), () -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(Outputs out) throws InterruptedException {
                for (int i = 0; ; i++) {
                    out.send("out", BinaryPacket.of(new byte[] {(byte) i}));
                    Thread.sleep(1);
                }
            }
        });
        register(NodeDefinition.builder("test::fail").input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin))
                .build(), () -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                throw new IllegalStateException("boom");
            }
        });
        register(NodeDefinition.builder("test::slow").input(InputPin.one("in", bin)).build(), () -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onPacket(String pin, Packet packet, Outputs out) throws InterruptedException {
                Thread.sleep(20);
            }
        });
        register(NodeDefinition.builder("test::collect").input(InputPin.one("in", bin)).build(), () -> null);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private void register(NodeDefinition definition, java.util.function.Supplier<Node> create) {
        factories.put(definition.kind(), new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                String id = context.nodeId();
                closes.put(id, new AtomicInteger());
                Node inner = create.get();
                if (inner == null) {
                    List<Integer> sink = collected.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>());
                    inner = new Node() {
                        public void onPacket(String pin, Packet packet, Outputs out) {
                            sink.add((int) ((BinaryPacket) packet).data()[0]);
                        }
                    };
                }
                return new Counted(inner, closes.get(id));
            }
        });
    }

    private SessionRegistry registry(Integer max) {
        Function<String, NodeFactory> lookup = factories::get;
        return TestSessions.registry(lookup, kind -> List.of(), max, pool);
    }

    private Pipeline yaml(String text) throws PipelineException {
        return compiler.compile(text);
    }

    @Test
    void fanOutDeliversToBothBranchesAndNodesReachStopped() throws Exception {
        SessionRegistry sessions = registry(null);
        Session session = sessions.create("fan", yaml("""
                nodes:
                  src: { kind: test::count }
                  a: { kind: test::collect, needs: src }
                  b: { kind: test::collect, needs: src }
                """));
        TestSessions.await(() -> session.nodeStates().values().stream().allMatch(s -> s.equals(NodeState.stopped("completed"))),
                "all nodes stopped: " + session.nodeStates());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), collected.get("a"));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), collected.get("b"));
        assertEquals(List.of(new SessionInfo(session.info().id(), "fan", session.info().createdAt())), sessions.list());
        assertTrue(sessions.find("fan").isPresent());
        assertTrue(sessions.find(session.info().id()).isPresent());
    }

    @Test
    void enforcesNamesLimitsAndSessionRules() throws Exception {
        SessionRegistry sessions = registry(2);
        Pipeline forever = yaml("nodes:\n  src: { kind: test::forever }\n");
        Session generated = sessions.create(null, forever);
        assertTrue(generated.info().name().matches("[a-z]+-[a-z]+-[0-9a-f]{4}"), generated.info().name());
        assertEquals(SessionNames.fromId(generated.info().id()), generated.info().name());
        sessions.create("x", forever);
        PipelineException duplicate = assertThrows(PipelineException.class, () -> sessions.create("x", forever));
        assertEquals(409, duplicate.status());
        assertEquals("Session with name 'x' already exists", duplicate.getMessage());
        PipelineException busy = assertThrows(PipelineException.class, () -> sessions.create("y", forever));
        assertEquals(429, busy.status());
        assertEquals("Maximum concurrent sessions limit reached", busy.getMessage());
        PipelineException oneshotOnly = assertThrows(PipelineException.class,
                () -> sessions.create("z", yaml("nodes:\n  in: { kind: streamkit::http_input }\n")));
        assertEquals("Node type 'streamkit::http_input' is oneshot-only and cannot be used in dynamic sessions",
                oneshotOnly.getMessage());
        PipelineException unknown = assertThrows(PipelineException.class,
                () -> sessions.create("z", yaml("nodes:\n  in: { kind: test::nope }\n")));
        assertEquals(400, unknown.status());
        sessions.destroyAll();
        assertTrue(sessions.list().isEmpty());
    }

    @Test
    void bestEffortConnectionDropsInsteadOfBlockingTheProducer() throws Exception {
        SessionRegistry sessions = registry(null);
        Session session = sessions.create("be", yaml("""
                nodes:
                  src: { kind: test::forever }
                  slow: { kind: test::slow, needs: { node: src, mode: best_effort } }
                  fast: { kind: test::collect, needs: src }
                """));
        TestSessions.await(() -> session.nodeStats().get("src").discarded() > 20, "drops counted: " + session.nodeStats());
        assertTrue(collected.get("fast").size() > session.nodeStats().get("slow").received() + 20,
                "producer outran the slow consumer: " + session.nodeStats());
        sessions.destroy("be");
    }

    @Test
    void failedNodeLeavesTheOthersRunning() throws Exception {
        SessionRegistry sessions = registry(null);
        Session session = sessions.create("f", yaml("""
                nodes:
                  src: { kind: test::forever }
                  bad: { kind: test::fail, needs: src }
                  good: { kind: test::collect, needs: src }
                """));
        TestSessions.await(() -> session.nodeStates().get("bad").kind() == NodeState.Kind.FAILED, "bad failed");
        int before = collected.get("good").size();
        TestSessions.await(() -> collected.get("good").size() > before + 10, "good keeps receiving");
        assertEquals(NodeState.RUNNING, session.nodeStates().get("src"));
        assertEquals(NodeState.RUNNING, session.nodeStates().get("good"));
        sessions.destroy("f");
    }

    @Test
    void destroyClosesEveryNodeOnceWithinTheBound() throws Exception {
        SessionRegistry sessions = registry(null);
        Session session = sessions.create("d", yaml("""
                nodes:
                  src: { kind: test::forever }
                  slow: { kind: test::slow, needs: src }
                  sink: { kind: test::collect, needs: src }
                """));
        TestSessions.await(() -> session.nodeStats().get("slow").received() > 2, "running");
        long start = System.nanoTime();
        assertTrue(sessions.destroy("d").isPresent());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
        ((SessionExecution) session).closed().get(10, java.util.concurrent.TimeUnit.SECONDS);
        for (String id : List.of("src", "slow", "sink")) assertEquals(1, closes.get(id).get(), id);
        assertEquals(NodeState.stopped("shutdown"), session.nodeStates().get("src"));
        assertFalse(sessions.destroy("d").isPresent());
        Thread.sleep(50);
        for (String id : List.of("src", "slow", "sink")) assertEquals(1, closes.get(id).get(), id);
    }

    /** Counts closes of the wrapped node. */
    private record Counted(Node inner, AtomicInteger closed) implements Node {
        public Invocation invocation() {
            return inner.invocation();
        }

        public void onStart(Outputs out) throws Exception {
            inner.onStart(out);
        }

        public void onPacket(String pin, Packet packet, Outputs out) throws Exception {
            inner.onPacket(pin, packet, out);
        }

        public void onInputEnd(String pin, Outputs out) throws Exception {
            inner.onInputEnd(pin, out);
        }

        public void close() {
            closed.incrementAndGet();
        }
    }
}
