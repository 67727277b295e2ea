package dev.streamkit.engine.internal;

import static dev.streamkit.engine.internal.NodeLifecycleTest.packet;
import static dev.streamkit.engine.internal.NodeLifecycleTest.range;
import static dev.streamkit.engine.internal.NodeLifecycleTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.NodeReplacement;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Live node replacement: when the factory of a running node's kind leaves and a successor arrives, the
 * node moves to it with its params as last tuned and its handed-over state, loses no packet on a reliable
 * link, and its predecessor is closed once; without a successor, or with one that cannot start, the node
 * fails with a reason naming the bundle while the rest of the session runs on.
 */
class NodeReplacementTest {

    private static final PacketType BIN = PacketType.BINARY;
    /** How far {@code test::counter} counts. */
    private static final int COUNT_TO = 1500;
    /** Version 2 of {@code test::tag} marks every value it forwards with this bit. */
    private static final int V2_MARK = 1 << 24;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new ConcurrentHashMap<>();
    private final List<Integer> collected = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger v1Closes = new AtomicInteger();
    private final AtomicReference<Map<String, Object>> v2Inherited = new AtomicReference<>();
    private final AtomicReference<Object> v2Offset = new AtomicReference<>();
    private final PipelineCompiler compiler = new PipelineCompiler();

    NodeReplacementTest() {
        factories.put("test::numbers", new LambdaNodeFactory(NodeDefinition.builder("test::numbers")
                .params(ParamSchema.builder().param("count", ParamSpec.integer()).build())
                .output(OutputPin.broadcast("out", BIN)).build(), params -> new Node() {
                    public Invocation invocation() {
                        return Invocation.BLOCKING;
                    }

                    public void onStart(Outputs out) throws InterruptedException {
                        for (int i = 0; i < params.getInt("count", 10); i++) {
                            out.send("out", packet(i));
                            if (i % 10 == 0) Thread.sleep(1);
                        }
                        out.finish();
                    }
                }));
        factories.put("test::collect", new LambdaNodeFactory(NodeDefinition.builder("test::collect")
                .input(InputPin.one("in", BIN)).build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        collected.add(value(packet));
                    }
                }));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** How the replaced node is scheduled. */
    enum Scheduling { INLINE, MAILBOX }

    @ParameterizedTest
    @EnumSource(Scheduling.class)
    void aRunningNodeMovesToItsSuccessorWithoutLosingAPacket(Scheduling scheduling) throws Exception {
        RegisteredKind v1 = new RegisteredKind(tagFactory(scheduling, 1), "plugin.tag", "1.0.0");
        RegisteredKind v2 = new RegisteredKind(tagFactory(scheduling, 2), "plugin.tag", "1.0.1");
        factories.put("test::tag", v1.factory());
        SessionRegistry sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
        sessions.addListener(recorder());
        Session session = sessions.create("upgrade", compiler.compile("""
                nodes:
                  src: { kind: test::numbers, params: { count: 3000 } }
                  tag: { kind: test::tag, params: { offset: 0 }, needs: src }
                  sink: { kind: test::collect, needs: tag }
                """));
        session.tune("tag", Map.of("offset", 7));
        TestSessions.await(() -> collected.size() > 500, "packets flowing through v1");

        factories.put("test::tag", v2.factory());
        sessions.factoryLeaving(v1);
        assertEquals(1, v1Closes.get(), "the old node is closed before its bundle goes");
        sessions.factoryArrived(v2);

        TestSessions.await(() -> session.nodeStates().get("sink").kind() == NodeState.Kind.STOPPED, "the stream ends");
        List<Integer> seen = collected.stream().map(v -> v & (V2_MARK - 1)).toList();
        assertTrue(seen.equals(range(0, 3000)), "every packet arrives once, in order; got " + seen.size()
                + " packets, first out of place at " + firstMismatch(seen));
        int firstV2 = indexOfFirstMarked();
        assertTrue(firstV2 > 500 && firstV2 < 3000, "v2 took over mid-stream at " + firstV2);
        assertTrue(collected.subList(firstV2, collected.size()).stream().allMatch(v -> (v & V2_MARK) != 0), "no v1 after v2");
        assertEquals(7, v2Offset.get(), "the successor has the params as last tuned");
        assertEquals(firstV2, v2Inherited.get().get("forwarded"), "the successor got its predecessor's state");
        assertEquals(1, v1Closes.get());
        assertTrue(events.contains("state tag Recovering(plugin_upgrade)"), events.toString());
        assertTrue(events.contains("replaced tag plugin.tag 1.0.0 -> plugin.tag 1.0.1"), events.toString());
        int recovering = events.indexOf("state tag Recovering(plugin_upgrade)");
        int replaced = events.indexOf("replaced tag plugin.tag 1.0.0 -> plugin.tag 1.0.1");
        assertTrue(recovering < replaced && events.subList(replaced, events.size()).contains("state tag Running"), events.toString());
    }

    @Test
    void aSourceIsRestartedByItsSuccessorFromTheStateItHandedOver() throws Exception {
        RegisteredKind v1 = new RegisteredKind(counterFactory(1), "plugin.counter", "1.0.0");
        RegisteredKind v2 = new RegisteredKind(counterFactory(2), "plugin.counter", "1.1.0");
        factories.put("test::counter", v1.factory());
        SessionRegistry sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
        Session session = sessions.create("source", compiler.compile("""
                nodes:
                  src: { kind: test::counter }
                  sink: { kind: test::collect, needs: src }
                """));
        TestSessions.await(() -> collected.size() > 200, "counting through v1");
        factories.put("test::counter", v2.factory());
        sessions.factoryLeaving(v1);
        sessions.factoryArrived(v2);
        TestSessions.await(() -> session.nodeStates().get("sink").kind() == NodeState.Kind.STOPPED, "the count ends");
        List<Integer> seen = collected.stream().map(v -> v & (V2_MARK - 1)).toList();
        assertTrue(seen.equals(range(0, COUNT_TO)), "every number once, in order, across the restart; got " + seen.size()
                + ", first out of place at " + firstMismatch(seen));
        assertTrue(indexOfFirstMarked() > 200, "v2 continued where v1 stopped");
        assertEquals(1, v1Closes.get());
    }

    /** {@code test::counter} version {@code version}: counts to {@link #COUNT_TO} from where its predecessor stopped. */
    private NodeFactory counterFactory(int version) {
        NodeDefinition definition = NodeDefinition.builder("test::counter").output(OutputPin.broadcast("out", BIN)).build();
        return new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                Object next = context.inheritedState().get("next");
                return new CounterNode(version, next == null ? 0 : (Integer) next);
            }
        };
    }

    /** A source counting one number a millisecond; hands over the next number it would have sent. */
    private final class CounterNode implements Node {
        private final int version;
        private volatile int next;

        CounterNode(int version, int next) {
            this.version = version;
            this.next = next;
        }

        public Invocation invocation() {
            return Invocation.BLOCKING;
        }

        public void onStart(Outputs out) throws InterruptedException {
            while (next < COUNT_TO) {
                out.send("out", packet(next + (version == 2 ? V2_MARK : 0)));
                next++;
                Thread.sleep(1);
            }
        }

        public Map<String, Object> handOver() {
            return Map.of("next", next);
        }

        public void close() {
            if (version == 1) v1Closes.incrementAndGet();
        }
    }

    @Test
    void aNodeWithoutSuccessorFailsAfterTheGraceNamingTheBundleAndItsConsumersEnd() throws Exception {
        RegisteredKind v1 = new RegisteredKind(tagFactory(Scheduling.INLINE, 1), "plugin.tag", "1.0.0");
        factories.put("test::tag", v1.factory());
        SessionRegistry sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool, Duration.ofMillis(200));
        Session session = longTaggedSession(sessions, "orphan");
        factories.remove("test::tag");
        sessions.factoryLeaving(v1);
        TestSessions.await(() -> session.nodeStates().get("tag").kind() == NodeState.Kind.FAILED, "tag failed");
        String reason = session.nodeStates().get("tag").reason();
        assertEquals("node kind 'test::tag' left with bundle plugin.tag 1.0.0 and no successor arrived within 0.2 s", reason);
        TestSessions.await(() -> session.nodeStates().get("sink").kind() == NodeState.Kind.STOPPED, "its consumer ended");
        assertEquals(NodeState.stopped("upstream_failed: node 'tag' failed: " + reason), session.nodeStates().get("sink"));
        assertEquals(1, v1Closes.get());
    }

    @Test
    void aSuccessorThatCannotStartFailsTheNodeNamingItsBundle() throws Exception {
        RegisteredKind v1 = new RegisteredKind(tagFactory(Scheduling.INLINE, 1), "plugin.tag", "1.0.0");
        NodeFactory broken = new LambdaNodeFactory(v1.factory().definition(), params -> {
            throw new IllegalStateException("no model file");
        });
        factories.put("test::tag", v1.factory());
        SessionRegistry sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
        Session session = longTaggedSession(sessions, "broken");
        factories.put("test::tag", broken);
        sessions.factoryLeaving(v1);
        sessions.factoryArrived(new RegisteredKind(broken, "plugin.tag", "2.0.0"));
        TestSessions.await(() -> session.nodeStates().get("tag").kind() == NodeState.Kind.FAILED, "tag failed");
        assertEquals("the successor of 'test::tag' from bundle plugin.tag 2.0.0 failed to start: no model file",
                session.nodeStates().get("tag").reason());
        sessions.destroy("broken");
    }

    /** A long stream through {@code test::tag}, already flowing. */
    private Session longTaggedSession(SessionRegistry sessions, String name) throws Exception {
        Session session = sessions.create(name, compiler.compile("""
                nodes:
                  src: { kind: test::numbers, params: { count: 100000 } }
                  tag: { kind: test::tag, needs: src }
                  sink: { kind: test::collect, needs: tag }
                """));
        TestSessions.await(() -> collected.size() > 10, "running");
        return session;
    }

    private static int firstMismatch(List<Integer> seen) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i) != i) return i;
        }
        return -1;
    }

    private int indexOfFirstMarked() {
        for (int i = 0; i < collected.size(); i++) {
            if ((collected.get(i) & V2_MARK) != 0) return i;
        }
        return -1;
    }

    /** {@code test::tag} version {@code version}: forwards; version 2 marks what it forwards (its {@code offset} is only recorded). */
    private NodeFactory tagFactory(Scheduling scheduling, int version) {
        NodeDefinition definition = NodeDefinition.builder("test::tag")
                .params(ParamSchema.builder().param("offset", ParamSpec.integer().tunable()).build())
                .input(InputPin.one("in", BIN)).output(OutputPin.broadcast("out", BIN)).build();
        return new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                if (version == 2) {
                    v2Inherited.set(context.inheritedState());
                    v2Offset.set(params.getInt("offset", 0));
                }
                return new TagNode(scheduling, version, params.getInt("offset", 0));
            }
        };
    }

    private final class TagNode implements Node {
        private final Scheduling scheduling;
        private final int version;
        private volatile int offset;
        private int forwarded;

        TagNode(Scheduling scheduling, int version, int offset) {
            this.scheduling = scheduling;
            this.version = version;
            this.offset = offset;
        }

        public Invocation invocation() {
            return scheduling == Scheduling.INLINE ? Invocation.NON_BLOCKING : Invocation.BLOCKING;
        }

        public void onPacket(String pin, Packet packet, Outputs out) {
            forwarded++;
            out.send("out", packet(value(packet) + (version == 2 ? V2_MARK : 0)));
        }

        public void onControl(dev.streamkit.api.node.ControlMessage message, Outputs out) {
            if (message instanceof dev.streamkit.api.node.ControlMessage.UpdateParams update) {
                offset = update.params().getInt("offset", offset);
            }
        }

        public Map<String, Object> handOver() {
            return Map.of("forwarded", forwarded);
        }

        public void close() {
            if (version == 1) v1Closes.incrementAndGet();
        }
    }

    private SessionListener recorder() {
        return new SessionListener() {
            public void nodeStateChanged(String sessionId, String nodeId, NodeState state) {
                events.add("state " + nodeId + " " + (state.reason() == null ? label(state) : label(state) + "(" + state.reason() + ")"));
            }

            public void nodeReplaced(String sessionId, NodeReplacement r) {
                events.add("replaced " + r.nodeId() + " " + r.oldBundle() + " " + r.oldVersion() + " -> " + r.newBundle() + " "
                        + r.newVersion());
            }
        };
    }

    private static String label(NodeState state) {
        String name = state.kind().name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
