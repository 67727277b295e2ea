package dev.streamkit.engine.internal;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.config.ServerConfig;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.RegisteredKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


class OneshotRunnerTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final KindRegistry registry = new KindRegistry();
    private final List<Integer> collected = new CopyOnWriteArrayList<>();
    private final AtomicInteger closed = new AtomicInteger();
    private final PipelineCompiler compiler = new PipelineCompiler();

    OneshotRunnerTest() {
        register(NodeDefinition.builder("test::count").params(ParamSchema.builder()
                        .param("packets", ParamSpec.integer().min(0).defaultValue(10)).build())
                .output(OutputPin.broadcast("out", PacketType.BINARY)).build(), params -> new Node() {
            public Invocation invocation() {
                return Invocation.BLOCKING;
            }

            public void onStart(dev.streamkit.api.node.Outputs out) {
                for (int i = 0; i < params.getInt("packets", 10); i++) out.send("out", BinaryPacket.of(new byte[] {(byte) i}));
                out.finish();
            }
        });
        register(NodeDefinition.builder("test::forever").output(OutputPin.broadcast("out", PacketType.BINARY)).build(),
                params -> new Node() {
                    public Invocation invocation() {
                        return Invocation.BLOCKING;
                    }

                    public void onStart(dev.streamkit.api.node.Outputs out) throws InterruptedException {
                        while (true) {
                            out.send("out", BinaryPacket.of(new byte[] {1}));
                            Thread.sleep(5);
                        }
                    }
                });
        register(filter("test::pass", false));
        register(filter("test::blocking_pass", true));
        register(filter("test::reject_at_3", false));
        register(NodeDefinition.builder("test::collect").input(InputPin.one("in", PacketType.BINARY)).build(), params -> new Node() {
            public void onPacket(String pin, Packet packet, dev.streamkit.api.node.Outputs out) {
                collected.add((int) ((BinaryPacket) packet).data()[0]);
            }
        });
        register(NodeDefinition.builder("test::audio_in").input(InputPin.one("in", PacketType.RAW_AUDIO_ANY)).build(),
                params -> new Node() { });
        register(NodeDefinition.builder("test::any").input(InputPin.one("in", PacketType.ANY))
                .output(OutputPin.broadcast("out", PacketType.PASSTHROUGH)).build(), params -> new Node() { });
    }

    @AfterEach
    void stopPools() {
        pool.shutdownNow();
        timer.shutdownNow();
    }

    /** A binary filter; its description tells {@link #register(NodeDefinition)} how to schedule it. */
    private static NodeDefinition filter(String kind, boolean blocking) {
        return NodeDefinition.builder(kind).input(InputPin.one("in", PacketType.BINARY))
                .output(OutputPin.broadcast("out", PacketType.BINARY)).description(blocking ? "blocking" : "inline").build();
    }

    private void register(NodeDefinition definition) {
        boolean blocking = "blocking".equals(definition.description());
        Function<Packet, Packet> transform = definition.kind().equals("test::reject_at_3") ? packet -> {
            if (((BinaryPacket) packet).data()[0] == 3) throw new IllegalArgumentException("packet 3 is bad");
            return packet;
        } : packet -> packet;
        register(definition, params -> new Node() {
            public Invocation invocation() {
                return blocking ? Invocation.BLOCKING : Invocation.NON_BLOCKING;
            }

            public void onPacket(String pin, Packet packet, dev.streamkit.api.node.Outputs out) {
                out.send("out", transform.apply(packet));
            }
        });
    }

    private void register(NodeDefinition definition, Function<Params, Node> create) {
        registry.register(new RegisteredKind(new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                Node inner = create.apply(params);
                return new ClosingCounter(inner, closed);
            }
        }, "test.bundle", "1.0.0"));
    }

    private OneshotRunner runner(ServerConfig config) {
        return new OneshotRunner(registry, config, Path.of("."), pool, timer);
    }

    private Pipeline steps(String... kinds) throws PipelineException {
        StringBuilder yaml = new StringBuilder("mode: oneshot\nsteps:\n");
        for (String kind : kinds) yaml.append("  - kind: ").append(kind).append('\n');
        return compiler.compile(yaml.toString());
    }

    private PipelineException failureOf(OneshotRun run) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.completion().get(10, TimeUnit.SECONDS));
        return (PipelineException) e.getCause();
    }

    @Test
    void deliversEveryPacketInOrderThroughInlineAndMailboxNodes() throws Exception {
        OneshotRun run = runner(new ServerConfig()).prepare(
                steps("test::count", "test::pass", "test::blocking_pass", "test::pass", "test::collect"), Map.of());
        run.start();
        run.completion().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), collected);
        awaitClosed(5);
    }

    @Test
    void nodeFailureEndsTheRunNamingTheNodeAndClosesAllNodes() throws Exception {
        OneshotRun run = runner(new ServerConfig()).prepare(
                steps("test::count", "test::blocking_pass", "test::reject_at_3", "test::collect"), Map.of());
        run.start();
        PipelineException failure = failureOf(run);
        assertEquals(500, failure.status());
        assertTrue(failure.getMessage().contains("node 'step_2' (test::reject_at_3) failed: packet 3 is bad"), failure.getMessage());
        assertEquals(List.of(0, 1, 2), collected);
        awaitClosed(4);
    }

    @Test
    void deadlineStopsARunThatNeverEnds() throws Exception {
        ServerConfig config = new ServerConfig();
        config.engine.oneshot.requestTimeoutSecs = 1;
        OneshotRun run = runner(config).prepare(steps("test::forever", "test::blocking_pass", "test::collect"), Map.of());
        long started = System.nanoTime();
        run.start();
        PipelineException failure = failureOf(run);
        assertEquals(PipelineException.Kind.TIMEOUT, failure.kind());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 3_000);
        awaitClosed(3);
    }

    @Test
    void cancelClosesNodesOnce() throws Exception {
        OneshotRun run = runner(new ServerConfig()).prepare(steps("test::forever", "test::pass", "test::collect"), Map.of());
        run.start();
        Thread.sleep(50);
        run.cancel("client went away");
        assertEquals(PipelineException.Kind.CANCELLED, failureOf(run).kind());
        awaitClosed(3);
        Thread.sleep(50);
        assertEquals(3, closed.get());
    }

    @Test
    void refusesBadGraphsBeforeCreatingNodes() throws Exception {
        OneshotRunner runner = runner(new ServerConfig());
        assertEquals("Incompatible connection: step_0.out (Binary) -> step_1.in (accepts [RawAudio(*Hz, *ch, F32)])",
                assertThrows(PipelineException.class, () -> runner.prepare(steps("test::count", "test::audio_in"), Map.of()))
                        .getMessage());
        Pipeline fanOut = compiler.compile("""
                mode: oneshot
                nodes:
                  src: { kind: test::count }
                  a: { kind: test::collect, needs: src }
                  b: { kind: test::collect, needs: src }
                """);
        assertTrue(assertThrows(PipelineException.class, () -> runner.prepare(fanOut, Map.of())).getMessage()
                .contains("fan-out not supported yet"));
        Pipeline twoIntoOne = compiler.compile("""
                mode: oneshot
                nodes:
                  a: { kind: test::count }
                  b: { kind: test::count }
                  c: { kind: test::collect, needs: [a, b] }
                """);
        assertEquals("Unknown input pin 'c.in_0' referenced by connection",
                assertThrows(PipelineException.class, () -> runner.prepare(twoIntoOne, Map.of())).getMessage());
        Pipeline badParam = compiler.compile("mode: oneshot\nsteps:\n  - kind: test::count\n    params: { packets: -1 }\n");
        assertEquals("Invalid params for node 'step_0' (test::count): field 'packets' must be at least 0, got -1",
                assertThrows(PipelineException.class, () -> runner.prepare(badParam, Map.of())).getMessage());
        assertEquals(0, closed.get(), "no node may be created for a refused pipeline");
    }

    @Test
    void resolvesPassthroughFromUpstream() throws Exception {
        OneshotRunner runner = runner(new ServerConfig());
        OneshotRun ok = runner.prepare(steps("test::count", "test::any", "test::collect"), Map.of());
        ok.cancel("not needed");
        assertThrows(PipelineException.class, () -> runner.prepare(steps("test::count", "test::any", "test::audio_in"), Map.of()));
    }

    @Test
    void limitsConcurrentRuns() throws Exception {
        ServerConfig config = new ServerConfig();
        config.permissions.maxConcurrentOneshots = 1;
        config.engine.oneshot.queueTimeoutSecs = 0;
        OneshotRunner runner = runner(config);
        OneshotRun first = runner.prepare(steps("test::forever", "test::collect"), Map.of());
        PipelineException busy = assertThrows(PipelineException.class,
                () -> runner.prepare(steps("test::count", "test::collect"), Map.of()));
        assertEquals(429, busy.status());
        first.cancel("done");
        runner.prepare(steps("test::count", "test::collect"), Map.of()).cancel("done");
    }

    private void awaitClosed(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (closed.get() < expected && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(expected, closed.get());
    }

    /** Counts close() calls of the node it wraps. */
    private record ClosingCounter(Node inner, AtomicInteger closed) implements Node {
        public Invocation invocation() {
            return inner.invocation();
        }

        public void onStart(dev.streamkit.api.node.Outputs out) throws Exception {
            inner.onStart(out);
        }

        public void onPacket(String pin, Packet packet, dev.streamkit.api.node.Outputs out) throws Exception {
            inner.onPacket(pin, packet, out);
        }

        public void onInputEnd(String pin, dev.streamkit.api.node.Outputs out) throws Exception {
            inner.onInputEnd(pin, out);
        }

        public void close() {
            closed.incrementAndGet();
        }
    }
}
