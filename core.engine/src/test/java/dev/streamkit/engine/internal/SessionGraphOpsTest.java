package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Cardinality;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Graph operations on a running session: each refusal leaves the session unchanged; accepted ones rewire live. */
class SessionGraphOpsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    private final Map<String, List<Integer>> collected = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> ends = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private SessionRegistry sessions;

    SessionGraphOpsTest() {
        PacketType bin = PacketType.BINARY;
        register(NodeDefinition.builder("test::ticks").output(OutputPin.broadcast("out", bin)).build(), params -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(Outputs out) throws InterruptedException {
                for (int i = 0; i < 100_000 && !out.isCancelled(); i++) {
                    out.send("out", BinaryPacket.of(new byte[] {1}));
                    Thread.sleep(2);
                }
                out.finish();
            }

            public void close() {
                closes.incrementAndGet();
            }
        });
        ParamSchema factor = ParamSchema.builder().param("factor", ParamSpec.integer().range(0, 100).tunable()).build();
        register(NodeDefinition.builder("test::scale").params(factor).input(InputPin.one("in", bin))
                .output(OutputPin.broadcast("out", bin)).build(), params -> {
                    int f = params.getInt("factor", 1);
                    return new Node() {
                        public void onPacket(String pin, Packet packet, Outputs out) {
                            out.send("out", BinaryPacket.of(new byte[] {(byte) (((BinaryPacket) packet).data()[0] * f)}));
                        }

                        public void close() {
                            closes.incrementAndGet();
                        }
                    };
                });
        register(NodeDefinition.builder("test::pass").input(InputPin.one("in", PacketType.ANY))
                .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH)).build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        out.send("out", packet);
                    }
                });
        register(NodeDefinition.builder("streamkit::http_input").output(OutputPin.broadcast("out", bin)).oneshotOnly().build(),
                params -> new Node() {
                });
        register(NodeDefinition.builder("test::text").input(InputPin.one("in", PacketType.TEXT)).build(), params -> new Node() {
        });
        register(NodeDefinition.builder("test::mixer")
                .input(new InputPin("in", List.of(bin), Cardinality.dynamic("in"))).build(), params -> new Node() {
                });
        register(NodeDefinition.builder("test::collect").input(InputPin.one("in", bin))
                .params(ParamSchema.builder().param("name", ParamSpec.string()).build()).build(), params -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                collected.computeIfAbsent(params.getString("name", "c"), k -> new CopyOnWriteArrayList<>())
                        .add((int) ((BinaryPacket) packet).data()[0]);
            }

            public void onInputEnd(String pin, Outputs out) {
                ends.computeIfAbsent(params.getString("name", "c"), k -> new AtomicInteger()).incrementAndGet();
                out.finish();
            }
        });
    }

    private void register(NodeDefinition definition, java.util.function.Function<Params, Node> create) {
        factories.put(definition.kind(), new LambdaNodeFactory(definition, create));
    }

    @AfterEach
    void stop() {
        if (sessions != null) sessions.destroyAll();
        pool.shutdownNow();
    }

    private Session session(String yaml) throws PipelineException {
        sessions = TestSessions.registry(factories::get,
                kind -> kind.startsWith("test::sc") ? List.of("test::scale") : List.of(), null, pool);
        sessions.addListener(new SessionListener() {
            public void nodeAdded(String s, String node, String kind, Map<String, Object> params) {
                events.add("nodeadded " + node);
            }

            public void nodeRemoved(String s, String node) {
                events.add("noderemoved " + node);
            }

            public void connectionAdded(String s, Connection c) {
                events.add("connectionadded " + c);
            }

            public void connectionRemoved(String s, Connection c) {
                events.add("connectionremoved " + c);
            }
        });
        return sessions.create("g", new PipelineCompiler().compile(yaml));
    }

    private int count(String sink) {
        List<Integer> values = collected.get(sink);
        return values == null ? 0 : values.size();
    }

    @Test
    void refusalsLeaveTheSessionUnchanged() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::ticks }
                  scale: { kind: test::scale, params: { factor: 2 }, needs: src }
                  sink: { kind: test::collect, needs: scale }
                """);
        TestSessions.refused(s, "'test::scal' not found", () -> s.addNode("x", "test::scal", null));
        TestSessions.refused(s, "did you mean 'test::scale'", () -> s.addNode("x", "test::scal", null));
        TestSessions.refused(s, "factor", () -> s.addNode("x", "test::scale", Map.of("factor", "big")));
        TestSessions.refused(s, "oneshot-only", () -> s.addNode("x", "streamkit::http_input", null));
        TestSessions.refused(s, "'scale' already exists", () -> s.addNode("scale", "test::scale", null));
        TestSessions.refused(s, "'nope' not found", () -> s.removeNode("nope"));
        TestSessions.refused(s, "'nope' not found", () -> s.connect("nope", "out", "sink", "in", null));
        TestSessions.refused(s, "Unknown output pin 'src.bogus'", () -> s.connect("src", "bogus", "sink", "in", null));
        TestSessions.refused(s, "Unknown input pin 'sink.bogus'", () -> s.connect("src", "out", "sink", "bogus", null));
        s.addNode("text", "test::text", null);
        TestSessions.refused(s, "Type mismatch", () -> s.connect("src", "out", "text", "in", null));
        TestSessions.refused(s, "cardinality: One", () -> s.connect("src", "out", "sink", "in", null));
        TestSessions.refused(s, "already exists", () -> s.connect("scale", "out", "sink", "in", ConnectionMode.BEST_EFFORT));
        TestSessions.refused(s, "Unknown output pin 'sink.in'", () -> s.connect("sink", "in", "scale", "in", null));
        assertEquals(Map.of("text", "test::text"), Map.of("text", s.pipeline().nodes().get("text").kind()));
    }

    @Test
    void cyclesAndPassthroughAndDynamicPins() throws Exception {
        Session s = session("""
                nodes:
                  a: { kind: test::scale }
                  b: { kind: test::scale, needs: a }
                  p: { kind: test::pass }
                  m: { kind: test::mixer }
                """);
        TestSessions.refused(s, "would create a cycle: b -> a -> b", () -> s.connect("b", "out", "a", "in", null));
        TestSessions.refused(s, "would create a cycle: a -> a", () -> s.connect("a", "out", "a", "in", null));
        s.connect("p", "out", "m", "in_0", null); // unresolved Passthrough: accepted
        s.connect("b", "out", "p", "in", null);   // now p.out resolves to Binary
        s.addNode("t", "test::text", null);
        TestSessions.refused(s, "Type mismatch", () -> s.connect("p", "out", "t", "in", null));
        s.connect("a", "out", "m", "in_1", null);
        TestSessions.refused(s, "Unknown input pin 'm.out_2'", () -> s.connect("a", "out", "m", "out_2", null));
        TestSessions.refused(s, "not found", () -> s.disconnect("a", "out", "m", "in_7"));
        s.disconnect("a", "out", "m", "in_1");
        assertFalse(s.pipeline().connections().stream().anyMatch(c -> c.toPin().equals("in_1")));
    }

    /** A running session {@code src -> sink} whose sink collects as {@code name}, once packets arrive. */
    private Session ticksInto(String name) throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::ticks }
                  sink: { kind: test::collect, params: { name: %s }, needs: src }
                """.formatted(name));
        TestSessions.await(() -> count(name) >= 3, "first packets");
        return s;
    }

    @Test
    void addConnectRemoveOnARunningSessionDeliversThroughTheNewPath() throws Exception {
        Session s = ticksInto("first");
        s.addNode("gain", "test::scale", Map.of("factor", 3));
        s.addNode("second", "test::collect", Map.of("name", "second"));
        s.connect("gain", "out", "second", "in", null);
        s.connect("src", "out", "gain", "in", ConnectionMode.BEST_EFFORT);
        TestSessions.await(() -> count("second") >= 3, "packets through the new path");
        assertTrue(collected.get("second").stream().allMatch(v -> v == 3), collected.toString());
        assertEquals(4, s.pipeline().nodes().size());
        assertEquals(3, s.pipeline().connections().size());
        assertTrue(events.contains("nodeadded gain"), events.toString());
        assertTrue(events.contains("connectionadded src.out -> gain.in"), events.toString());

        int closedBefore = closes.get();
        s.removeNode("gain");
        TestSessions.await(() -> closes.get() == closedBefore + 1, "gain closed once its call returned");
        TestSessions.await(() -> ends.containsKey("second"), "end-of-stream at the only input fed by the removed node");
        assertEquals(List.of("src", "sink", "second"), List.copyOf(s.pipeline().nodes().keySet()));
        assertEquals(1, s.pipeline().connections().size());
        assertFalse(s.nodeStates().containsKey("gain"));
        assertTrue(events.contains("noderemoved gain"), events.toString());
        assertTrue(events.contains("connectionremoved gain.out -> second.in"), events.toString());
        int first = count("first");
        TestSessions.await(() -> count("first") > first + 2, "the original path keeps flowing");

        s.addNode("src2", "test::ticks", null); // a new source starts at once
        s.addNode("third", "test::collect", Map.of("name", "third"));
        s.connect("src2", "out", "third", "in", null);
        TestSessions.await(() -> count("third") >= 2, "the added source runs");
        s.removeNode("src2");
        TestSessions.await(() -> ends.containsKey("third"), "third ended");
        sessions.destroy("g");
        ((SessionExecution) s).closed().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(closedBefore + 3, closes.get(), "src and src2 closed once each, gain not again");
    }

    @Test
    void batchIsAllOrNothing() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::ticks }
                  sink: { kind: test::collect, params: { name: b }, needs: src }
                """);
        List<GraphOperation> bad = List.of(new GraphOperation.AddNode("g", "test::scale", Map.of("factor", 2)),
                new GraphOperation.Connect("src", "out", "g", "in", null),
                new GraphOperation.Connect("g", "out", "nope", "in", null));
        List<String> errors = s.validateBatch(bad);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("operation 2 (connect)"), errors.toString());
        Pipeline before = s.pipeline();
        assertThrows(PipelineException.class, () -> s.applyBatch(bad));
        assertEquals(before, s.pipeline());
        s.applyBatch(List.of(new GraphOperation.AddNode("g", "test::scale", Map.of("factor", 2)),
                new GraphOperation.AddNode("c2", "test::collect", Map.of("name", "b2")),
                new GraphOperation.Connect("g", "out", "c2", "in", null),
                new GraphOperation.Connect("src", "out", "g", "in", null)));
        assertTrue(s.validateBatch(List.of(new GraphOperation.RemoveNode("g"))).isEmpty());
        TestSessions.await(() -> count("b2") >= 2, "batch-added path flows");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("nodeadded")), "batches send no per-op events");
    }

    private static GraphOperation add(String id, String kind, Map<String, Object> params) {
        return new GraphOperation.AddNode(id, kind, params);
    }

    private static GraphOperation connect(String from, String to) {
        return new GraphOperation.Connect(from, "out", to, "in", null);
    }

    private static GraphOperation disconnect(String from, String to) {
        return new GraphOperation.Disconnect(from, "out", to, "in");
    }

    @Test
    void uiInsertBatchIsJudgedByTheGraphItLeaves() throws Exception {
        Session s = ticksInto("ins");
        // The Monitor's order: adds, removes, connects, disconnects; sink.in (One) is still fed by src here.
        List<GraphOperation> insert = List.of(add("x", "test::scale", Map.of("factor", 3)), connect("src", "x"),
                connect("x", "sink"), disconnect("src", "sink"));
        assertEquals(List.of(), s.validateBatch(insert));
        s.applyBatch(insert);
        assertEquals(List.of(new Connection("src", "out", "x", "in", null), new Connection("x", "out", "sink", "in", null)),
                s.pipeline().connections());
        int before = count("ins");
        TestSessions.await(() -> List.copyOf(collected.get("ins")).subList(before, count("ins")).contains(3), "packets through x");
        assertFalse(ends.containsKey("ins"), "the rewired input never ended");
        assertTrue(events.isEmpty(), "batches send no per-op events: " + events);
    }

    @Test
    void uiRemoveBatchCountsTheDisconnectTheRemovalTookAsDone() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::ticks }
                  x: { kind: test::scale, params: { factor: 3 }, needs: src }
                  sink: { kind: test::collect, params: { name: rm }, needs: x }
                  y: { kind: test::scale, params: { factor: 5 }, needs: src }
                  kept: { kind: test::collect, params: { name: kept }, needs: y }
                """);
        TestSessions.await(() -> count("rm") >= 2 && count("kept") >= 2, "first packets");
        List<GraphOperation> remove = List.of(new GraphOperation.RemoveNode("x"), disconnect("src", "x"), disconnect("x", "sink"));
        assertEquals(List.of(), s.validateBatch(remove));
        s.applyBatch(remove);
        TestSessions.await(() -> ends.containsKey("rm"), "end-of-stream where the removed node was the only feed");

        // Removing y while its downstream gets a new feed in the same batch must not end that stream.
        s.applyBatch(List.of(new GraphOperation.RemoveNode("y"), connect("src", "kept"), disconnect("src", "y")));
        int before = count("kept");
        TestSessions.await(() -> List.copyOf(collected.get("kept")).subList(before, count("kept")).contains(1), "kept fed by src");
        assertFalse(ends.containsKey("kept"), "an input the final graph still feeds did not end");
        assertEquals(List.of("src", "sink", "kept"), List.copyOf(s.pipeline().nodes().keySet()));
    }

    @Test
    void batchLeavingAnInvalidGraphIsRefusedWholeAndValidateSaysTheSame() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::ticks }
                  a: { kind: test::scale, needs: src }
                  sink: { kind: test::collect, params: { name: inv }, needs: a }
                """);
        List<GraphOperation> secondFeed = List.of(add("x", "test::scale", null), connect("src", "x"), connect("x", "sink"));
        List<GraphOperation> loop = List.of(add("x", "test::scale", null), connect("a", "x"),
                new GraphOperation.Connect("x", "out", "a", "in", null), disconnect("src", "a"));
        List<GraphOperation> staleDisconnect = List.of(disconnect("src", "sink"));
        for (List<GraphOperation> batch : List.of(secondFeed, loop, staleDisconnect)) {
            Pipeline before = s.pipeline();
            List<String> errors = s.validateBatch(batch);
            assertEquals(1, errors.size(), errors.toString());
            PipelineException e = assertThrows(PipelineException.class, () -> s.applyBatch(batch));
            assertEquals("Batch refused, nothing applied: " + errors.get(0), e.getMessage());
            assertEquals(before, s.pipeline());
        }
        assertTrue(s.validateBatch(secondFeed).get(0).startsWith("final graph: Input pin 'sink.in' (cardinality: One)"));
        assertTrue(s.validateBatch(loop).get(0).matches("final graph: Connection .* would create a cycle: (x -> a -> x|a -> x -> a)"),
                s.validateBatch(loop).toString());
        assertTrue(s.validateBatch(staleDisconnect).get(0).startsWith("operation 0 (disconnect): "));
        int seen = count("inv");
        TestSessions.await(() -> count("inv") > seen + 2, "the session kept running unchanged");
    }

    @Test
    void unresolvedPassthroughGetsOneAnswerAtCreationAndLive() throws Exception {
        Session created = session("""
                nodes:
                  p: { kind: test::pass }
                  m: { kind: test::mixer, needs: p }
                """);
        assertEquals(1, created.pipeline().connections().size(), "accepted when the session is created");
        created.addNode("q", "test::pass", null);
        created.connect("q", "out", "m", "in_1", null);
        assertEquals(2, created.pipeline().connections().size(), "accepted as a live edit");

        PipelineException atCreation = assertThrows(PipelineException.class, () -> sessions.create("typed",
                new PipelineCompiler().compile("""
                        nodes:
                          src: { kind: test::ticks }
                          p: { kind: test::pass, needs: src }
                          t: { kind: test::text, needs: p }
                        """)));
        created.addNode("src", "test::ticks", null);
        created.addNode("t", "test::text", null);
        created.connect("src", "out", "q", "in", null);
        PipelineException live = assertThrows(PipelineException.class, () -> created.connect("q", "out", "t", "in", null));
        assertEquals(atCreation.getMessage().replace("p.out", "q.out"), live.getMessage(),
                "a resolved Passthrough is type-checked the same way at creation and live");
    }
}
