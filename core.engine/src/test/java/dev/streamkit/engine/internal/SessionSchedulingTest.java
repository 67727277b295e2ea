package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.NodeStats;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a session runs its nodes: inline chains on the source's thread, the switch to a mailbox when a node
 * gains a second upstream, input notifications, activation of sources added later, stats and telemetry.
 */
class SessionSchedulingTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    /** What the probe saw, in order: {@code pkt:<pin>} and {@code ctl:<message>}. */
    private final List<String> probeLog = new CopyOnWriteArrayList<>();
    private final Set<String> probeThreads = ConcurrentHashMap.newKeySet();
    private final Set<String> sourceThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger maxInside = new AtomicInteger();
    private final AtomicInteger timedInside = new AtomicInteger();
    private final AtomicInteger timedMax = new AtomicInteger();
    /** Events for the session, in order: {@code state <node> <state>} and {@code stats <node> <received>/<sent>}. */
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<String, List<NodeStats>> stats = new ConcurrentHashMap<>();
    private final List<TelemetryEvent> telemetry = new CopyOnWriteArrayList<>();
    private SessionRegistry sessions;

    SessionSchedulingTest() {
        PacketType bin = PacketType.BINARY;
        ParamSchema burst = ParamSchema.builder().param("count", ParamSpec.integer())
                .param("pause_every", ParamSpec.integer()).build();
        register(NodeDefinition.builder("test::burst").params(burst).output(OutputPin.broadcast("out", bin)).build(),
                params -> new Node() {
                    public void onStart(Outputs out) throws InterruptedException {
                        sourceThreads.add(Thread.currentThread().getName());
                        int pauseEvery = params.getInt("pause_every", 0);
                        for (int i = 0; i < params.getInt("count", 10); i++) {
                            out.send("out", BinaryPacket.of(new byte[] {(byte) i}));
                            if (pauseEvery > 0 && i % pauseEvery == 0) Thread.sleep(1);
                        }
                        out.finish();
                    }
                });
        register(NodeDefinition.builder("test::probe").input(new InputPin("in", List.of(bin), Cardinality.dynamic("in")))
                .output(OutputPin.broadcast("out", bin)).build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        probeThreads.add(Thread.currentThread().getName());
                        probeLog.add("pkt:" + pin);
                        out.telemetry(TelemetryEvent.now("test.packet", Map.of("pin", pin)));
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                        out.send("out", packet);
                    }

                    public void onControl(ControlMessage message, Outputs out) {
                        probeLog.add("ctl:" + message);
                    }

                    public void onInputEnd(String pin, Outputs out) {
                        probeLog.add("end:" + pin);
                    }
                });
        register(NodeDefinition.builder("test::timed").input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin))
                .build(), params -> new Node() {
                    private Packet held;
                    private long due = System.nanoTime();

                    public Invocation invocation() {
                        return Invocation.BLOCKING;
                    }

                    public void onPacket(String pin, Packet packet, Outputs out) {
                        timedMax.accumulateAndGet(timedInside.incrementAndGet(), Math::max);
                        held = packet;
                        due += 2_000_000L; // one packet every 2 ms
                        out.pauseInput(true);
                        if (!out.wakeAt(due)) throw new AssertionError("sessions have timers");
                        timedInside.decrementAndGet();
                    }

                    public void onTimer(Outputs out) {
                        timedMax.accumulateAndGet(timedInside.incrementAndGet(), Math::max);
                        probeThreads.add(Thread.currentThread().getName());
                        if (System.nanoTime() < due - TimerWheel.SLACK_NANOS) probeLog.add("early");
                        Packet release = held;
                        held = null;
                        timedInside.decrementAndGet(); // the probe downstream runs inside this call
                        out.send("out", release);
                        out.pauseInput(false);
                    }
                });
        register(NodeDefinition.builder("test::reader")
                .params(ParamSchema.builder().param("path", ParamSpec.string().tunable()).build())
                .output(OutputPin.broadcast("out", bin)).readPathParam("path").build(), params -> new Node() {
                });
    }

    private void register(NodeDefinition definition, Function<Params, Node> create) {
        factories.put(definition.kind(), new LambdaNodeFactory(definition, create));
    }

    @AfterEach
    void stop() {
        if (sessions != null) sessions.destroyAll();
        pool.shutdownNow();
    }

    private Session session(String yaml) throws PipelineException {
        sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
        sessions.addListener(new SessionListener() {
            public void nodeStateChanged(String s, String node, NodeState state) {
                events.add("state " + node + " " + state.toJson());
            }

            public void nodeStatsUpdated(String s, String node, NodeStats counters) {
                stats.computeIfAbsent(node, k -> new CopyOnWriteArrayList<>()).add(counters);
                events.add("stats " + node + " " + counters.received() + "/" + counters.sent());
            }

            public void nodeTelemetry(String s, String node, TelemetryEvent event) {
                telemetry.add(event);
            }
        });
        return sessions.create("s", new PipelineCompiler().compile(yaml));
    }

    private long packets(String pin) {
        return probeLog.stream().filter(("pkt:" + pin)::equals).count();
    }

    @Test
    void aNonBlockingChainRunsOnItsSourceThread() throws Exception {
        session("""
                nodes:
                  src: { kind: test::burst, params: { count: 200 } }
                  probe: { kind: test::probe, needs: src }
                """);
        TestSessions.await(() -> packets("in") == 200, "200 packets");
        assertEquals(sourceThreads, probeThreads, "the probe ran inline on the source's thread");
        assertEquals(100, telemetry.stream().filter(e -> e.eventType().equals("test.packet")).limit(100).count());
    }

    @Test
    void aSecondUpstreamMovesTheNodeToAMailboxWithoutConcurrentCalls() throws Exception {
        Session s = session("""
                nodes:
                  a: { kind: test::burst, params: { count: 3000, pause_every: 10 } }
                  probe: { kind: test::probe, needs: a }
                """);
        TestSessions.await(() -> packets("in") > 0, "first packet from a");
        s.applyBatch(List.of(new GraphOperation.AddNode("b", "test::burst", Map.of("count", 3000, "pause_every", 10)),
                new GraphOperation.Connect("b", "out", "probe", "in_1", null)));
        TestSessions.await(() -> packets("in") == 3000 && packets("in_1") == 3000, "every packet of both sources");
        assertEquals(1, maxInside.get(), "the probe was never called concurrently");
        int connected = probeLog.indexOf("ctl:InputConnected[pin=in_1]");
        assertTrue(connected >= 0 && connected < probeLog.indexOf("pkt:in_1"), "InputConnected(in_1) before its first packet");
    }

    @Test
    void aSourceAddedLaterWaitsForItsConnectionAndLosesNothing() throws Exception {
        Session s = session("""
                nodes:
                  probe: { kind: test::probe }
                """);
        s.addNode("late", "test::burst", Map.of("count", 500));
        Thread.sleep(100);
        assertEquals("Ready", s.nodeStates().get("late").toJson(), "an unconnected source waits");
        s.connect("late", "out", "probe", "in_0", null);
        TestSessions.await(() -> packets("in_0") == 500, "all 500 packets of the late source");
        TestSessions.await(() -> s.nodeStates().get("late").toJson().toString().contains("completed"), "late completed");
        s.disconnect("late", "out", "probe", "in_0");
        TestSessions.await(() -> probeLog.contains("ctl:InputDisconnected[pin=in_0]"), "InputDisconnected(in_0) handed to the idle probe");
    }

    @Test
    void statsArePublishedEveryThousandPacketsAndWhenANodeEnds() throws Exception {
        session("""
                nodes:
                  src: { kind: test::burst, params: { count: 2500, pause_every: 100 } }
                  probe: { kind: test::probe, needs: src }
                """);
        TestSessions.await(() -> events.contains("state src {Stopped={reason=completed}}"), "src completed");
        TestSessions.await(() -> stats.getOrDefault("probe", List.of()).stream().anyMatch(c -> c.received() == 2500), "probe's full count");
        List<Long> received = stats.get("probe").stream().map(NodeStats::received).toList();
        assertTrue(received.contains(1000L) && received.contains(2000L), received.toString());
        for (int i = 1; i < received.size(); i++) assertTrue(received.get(i) >= received.get(i - 1), received.toString());
        int finalStats = events.indexOf("stats src 0/2500");
        assertTrue(finalStats >= 0 && finalStats < events.indexOf("state src {Stopped={reason=completed}}"),
                "the source's final counters come before its Stopped state: " + events);
    }

    @Test
    void aTimerPacedNodeReleasesEveryPacketInOrderFromTheWheelWithoutConcurrentCalls() throws Exception {
        session("""
                nodes:
                  src: { kind: test::burst, params: { count: 300 } }
                  timed: { kind: test::timed, needs: src }
                  probe: { kind: test::probe, needs: timed }
                """);
        long start = System.nanoTime();
        TestSessions.await(() -> packets("in") == 300, "300 packets through the timed node");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 550, "300 packets at 2 ms each took only " + elapsedMs + " ms");
        assertEquals(1, timedMax.get(), "timer and packet calls never overlapped");
        assertEquals(1, maxInside.get(), "the probe was never called concurrently");
        assertTrue(!probeLog.contains("early"), "a timer fired before its deadline");
        assertTrue(probeThreads.stream().allMatch(name -> name.startsWith("test-session-wheel")),
                "the paced chain ran on the timer threads: " + probeThreads);
    }

    @Test
    void tuningAFilePathIsCheckedAgainstThePolicy() throws Exception {
        Session s = session("""
                nodes:
                  reader: { kind: test::reader, params: { } }
                  probe: { kind: test::probe, needs: reader }
                """);
        PipelineException e = assertThrows(PipelineException.class, () -> s.tune("reader", Map.of("path", "/etc/hostname")));
        assertTrue(e.getMessage().startsWith("Invalid file path in node 'reader'"), e.getMessage());
        assertEquals(Map.of(), s.pipeline().nodes().get("reader").params());
    }
}
