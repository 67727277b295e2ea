package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.Session;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How nodes end, fail, are removed and closed, and how backpressure reaches a timer-driven producer:
 * an upstream failure ends consumers with its reason, edits never wait for a node's call, {@code close}
 * never overlaps a call, and a full mailbox pauses a timer-driven node instead of blocking its thread.
 */
class NodeLifecycleTest {

    private static final PacketType BIN = PacketType.BINARY;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    private final PipelineCompiler compiler = new PipelineCompiler();
    private final Map<String, List<Integer>> collected = new ConcurrentHashMap<>();
    /** Released to let a {@code test::gate} node return from its call. */
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicBoolean closeOverlappedCall = new AtomicBoolean();
    private final AtomicInteger gateCloses = new AtomicInteger();
    private final AtomicInteger timerCallsEntered = new AtomicInteger();
    private final AtomicInteger timerCallsReturned = new AtomicInteger();
    private final AtomicInteger timedSent = new AtomicInteger();
    private SessionRegistry sessions;

    NodeLifecycleTest() {
        ParamSchema count = ParamSchema.builder().param("count", ParamSpec.integer()).build();
        register(NodeDefinition.builder("test::count").params(count).output(OutputPin.broadcast("out", BIN)).build(),
                params -> new Node() {
                    public Invocation invocation() {
                        return Invocation.BLOCKING;
                    }

                    public void onStart(Outputs out) {
                        for (int i = 0; i < params.getInt("count", 10); i++) out.send("out", packet(i));
                        out.finish();
                    }
                });
        register(NodeDefinition.builder("test::forever").output(OutputPin.broadcast("out", BIN)).build(), params -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(Outputs out) throws InterruptedException {
                for (int i = 0; ; i++) {
                    out.send("out", packet(i));
                    Thread.sleep(1);
                }
            }
        });
        register(filter("test::fail"), params -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                throw new IllegalStateException("boom");
            }
        });
        register(filter("test::pass"), params -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                out.send("out", packet);
            }
        });
        register(sink("test::collect"), params -> null); // made per node id by lookup()
        register(sink("test::gate"), params -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onPacket(String pin, Packet packet, Outputs out) throws InterruptedException {
                inside.incrementAndGet();
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } finally {
                    inside.decrementAndGet();
                }
            }

            public void close() {
                if (inside.get() > 0) closeOverlappedCall.set(true);
                gateCloses.incrementAndGet();
            }
        });
        register(filter("test::timed"), params -> new TimedForwarder());
    }

    @AfterEach
    void stop() {
        gate.countDown();
        pool.shutdownNow();
    }

    @Test
    void upstreamFailureEndsEveryConsumerWithItsReasonAndSparesOtherBranches() throws Exception {
        sessions = TestSessions.registry(lookup(), kind -> List.of(), null, pool);
        Session session = sessions.create("fail", compiler.compile("""
                nodes:
                  src: { kind: test::count, params: { count: 5 } }
                  bad: { kind: test::fail, needs: src }
                  mid: { kind: test::pass, needs: bad }
                  end: { kind: test::collect, needs: mid }
                  other: { kind: test::forever }
                  good: { kind: test::collect, needs: other }
                """));
        TestSessions.await(() -> session.nodeStates().get("end").kind() == NodeState.Kind.STOPPED, "end stopped: " + session.nodeStates());
        assertEquals(NodeState.failed("boom"), session.nodeStates().get("bad"));
        String expected = "upstream_failed: node 'bad' failed: boom";
        assertEquals(NodeState.stopped(expected), session.nodeStates().get("mid"));
        assertEquals(NodeState.stopped(expected), session.nodeStates().get("end"));
        int before = collected.get("good").size();
        TestSessions.await(() -> collected.get("good").size() > before + 10, "the other branch keeps running");
        assertEquals(NodeState.RUNNING, session.nodeStates().get("good"));
    }

    @Test
    void removeAnswersWhileTheNodeIsInsideACallAndClosesItOnceAfterwards() throws Exception {
        Session session = gatedSession("remove");
        session.removeNode("slow");
        assertEquals(0, gateCloses.get(), "closed while a call was inside the node");
        assertEquals(List.of("src"), List.copyOf(session.nodeStates().keySet()));
        gate.countDown();
        TestSessions.await(() -> gateCloses.get() == 1, "closed after its call returned");
        assertTrue(!closeOverlappedCall.get());
        sessions.destroy("remove");
        assertEquals(1, gateCloses.get());
    }

    @Test
    void destroyAnswersWhileANodeIsInsideACallAndClosesItOnceAfterwards() throws Exception {
        Session session = gatedSession("destroy");
        assertTrue(sessions.destroy("destroy").isPresent());
        ((SessionExecution) session).closed().get(10, TimeUnit.SECONDS); // the interrupt ended the call
        assertEquals(1, gateCloses.get());
        assertTrue(!closeOverlappedCall.get());
    }

    @Test
    void aFullMailboxPausesATimerDrivenNodeInsteadOfBlockingTheTimerThread() throws Exception {
        sessions = TestSessions.registry(lookup(), kind -> List.of(), null, pool);
        sessions.create("timed", compiler.compile("""
                nodes:
                  src: { kind: test::count, params: { count: 40 } }
                  timed: { kind: test::timed, needs: src }
                  stuck: { kind: test::gate, needs: timed }
                """));
        // The gate holds its first packet; its mailbox (capacity 4) fills; every timer call must still return.
        TestSessions.await(() -> timedSent.get() >= 4 && timerCallsEntered.get() == timerCallsReturned.get(),
                "timer calls returning while the consumer is stuck");
        int sentWhileStuck = timedSent.get();
        assertTrue(sentWhileStuck <= 4 + 1, "the paused producer stops at the full mailbox, sent " + sentWhileStuck);
        gate.countDown();
        TestSessions.await(() -> timedSent.get() == 40, "everything flows once the consumer moves");
    }

    /** A session whose {@code slow} node is inside a call that lasts until {@link #gate} opens. */
    private Session gatedSession(String name) throws Exception {
        sessions = TestSessions.registry(lookup(), kind -> List.of(), null, pool);
        Session session = sessions.create(name, compiler.compile("""
                nodes:
                  src: { kind: test::forever }
                  slow: { kind: test::gate, needs: src }
                """));
        TestSessions.await(() -> inside.get() == 1, "the gate holds a call");
        return session;
    }

    /** Holds each packet until an engine timer fires, as a pacer does, then sends it. */
    private final class TimedForwarder implements Node {
        private Packet held;

        public Invocation invocation() {
            return Invocation.BLOCKING;
        }

        public void onPacket(String pin, Packet packet, Outputs out) {
            held = packet;
            out.pauseInput(true);
            out.wakeAt(System.nanoTime());
        }

        public void onTimer(Outputs out) {
            timerCallsEntered.incrementAndGet();
            try {
                out.send("out", held);
                timedSent.incrementAndGet();
                out.pauseInput(false);
            } finally {
                timerCallsReturned.incrementAndGet();
            }
        }
    }

    private void register(NodeDefinition definition, Function<Params, Node> create) {
        factories.put(definition.kind(), new LambdaNodeFactory(definition, create));
    }

    /** The factories by kind; {@code test::collect} records what each node id receives in {@link #collected}. */
    private Function<String, NodeFactory> lookup() {
        return kind -> {
            NodeFactory factory = factories.get(kind);
            if (!"test::collect".equals(kind)) return factory;
            return new NodeFactory() {
                public NodeDefinition definition() {
                    return factory.definition();
                }

                public Node create(Params params, dev.streamkit.api.node.NodeContext context) {
                    List<Integer> into = collected.computeIfAbsent(context.nodeId(), id -> new CopyOnWriteArrayList<>());
                    return new Node() {
                        public void onPacket(String pin, Packet packet, Outputs out) {
                            into.add(value(packet));
                        }
                    };
                }
            };
        };
    }

    private static NodeDefinition filter(String kind) {
        return NodeDefinition.builder(kind).input(InputPin.one("in", BIN)).output(OutputPin.broadcast("out", BIN)).build();
    }

    private static NodeDefinition sink(String kind) {
        return NodeDefinition.builder(kind).input(InputPin.one("in", BIN)).build();
    }

    static Packet packet(int value) {
        return BinaryPacket.of(ByteBuffer.allocate(4).putInt(value).array());
    }

    static int value(Packet packet) {
        return ByteBuffer.wrap(((BinaryPacket) packet).data()).getInt();
    }

    static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i < to; i++) values.add(i);
        return values;
    }
}
