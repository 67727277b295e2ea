package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ControlMessage;
import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SessionRegistry#drainAll}: sources asked to stop finish, end-of-stream reaches the sinks before any
 * node is closed, and what does not end within the bound is destroyed.
 */
class SessionDrainTest {

    private static final PacketType BIN = PacketType.BINARY;
    /** Far beyond what a drain of these sessions needs; only a broken drain waits this long. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Supplier<Node>> kinds = new ConcurrentHashMap<>();
    /** Per node id: packets received, then -1 once its input ended, then -2 once closed. */
    private final Map<String, List<Integer>> events = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    private final PipelineCompiler compiler = new PipelineCompiler();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SessionRegistry registry() {
        Map<String, NodeDefinition> definitions = Map.of(
                "test::until_shutdown", NodeDefinition.builder("test::until_shutdown").output(OutputPin.broadcast("out", BIN)).build(),
                "test::deaf", NodeDefinition.builder("test::deaf").output(OutputPin.broadcast("out", BIN)).build(),
                "test::sink", NodeDefinition.builder("test::sink").input(InputPin.one("in", BIN)).build());
        kinds.put("test::until_shutdown", StopsOnShutdown::new);
        kinds.put("test::deaf", IgnoresShutdown::new);
        return TestSessions.registry(kind -> factory(definitions.get(kind)), kind -> List.of(), null, pool);
    }

    private NodeFactory factory(NodeDefinition definition) {
        if (definition == null) return null;
        return new NodeFactory() {
            public NodeDefinition definition() {
                return definition;
            }

            public Node create(Params params, NodeContext context) {
                String id = context.nodeId();
                closes.put(id, new AtomicInteger());
                List<Integer> seen = events.computeIfAbsent(id, key -> new java.util.concurrent.CopyOnWriteArrayList<>());
                Supplier<Node> source = kinds.get(definition.kind());
                return source != null ? new ClosedOnce(source.get(), closes.get(id)) : new RecordingSink(seen, closes.get(id));
            }
        };
    }

    @Test
    void sourcesFinishAndEndOfStreamReachesTheSinkBeforeNodesClose() throws Exception {
        SessionRegistry sessions = registry();
        sessions.create("live", compiler.compile("nodes:\n  src: { kind: test::until_shutdown }\n  sink: { kind: test::sink, needs: src }\n"));
        TestSessions.await(() -> !events.get("sink").isEmpty(), "a first packet at the sink");

        assertEquals(1, sessions.drainAll(GENEROUS));

        List<Integer> sink = events.get("sink");
        assertEquals(List.of(-1, -2), sink.subList(sink.size() - 2, sink.size()), "input end, then close");
        assertTrue(sink.subList(0, sink.size() - 2).stream().allMatch(packet -> packet >= 0));
        assertEquals(1, closes.get("src").get());
        assertEquals(1, closes.get("sink").get());
        assertTrue(sessions.list().isEmpty());
    }

    @Test
    void whatIgnoresShutdownIsDestroyedAfterTheBound() throws Exception {
        SessionRegistry sessions = registry();
        sessions.create("deaf", compiler.compile("nodes:\n  src: { kind: test::deaf }\n  sink: { kind: test::sink, needs: src }\n"));
        TestSessions.await(() -> !events.get("sink").isEmpty(), "a first packet at the sink");

        assertEquals(0, sessions.drainAll(Duration.ofMillis(50)));

        assertEquals(1, closes.get("src").get());
        assertEquals(1, closes.get("sink").get());
        assertTrue(sessions.list().isEmpty());
    }

    @Test
    void aDrainingRegistryRefusesNewSessions() throws Exception {
        SessionRegistry sessions = registry();
        assertEquals(0, sessions.drainAll(GENEROUS));
        PipelineException refused = assertThrows(PipelineException.class,
                () -> sessions.create("late", compiler.compile("nodes:\n  src: { kind: test::until_shutdown }\n")));
        assertEquals(429, refused.status());
        assertEquals("The server is shutting down", refused.getMessage());
    }

    /** A live source: sends until {@code Shutdown} reaches it (inside {@code send}), then finishes. */
    private static final class StopsOnShutdown implements Node {
        private boolean shutDown;

        public Invocation invocation() {
            return Invocation.BLOCKING;
        }

        public void onStart(Outputs out) throws InterruptedException {
            for (int i = 0; !shutDown && i < 1_000_000; i++) {
                out.send("out", BinaryPacket.of(new byte[] {(byte) (i & 0x7f)}));
                Thread.sleep(1);
            }
            out.finish();
        }

        public void onControl(ControlMessage message, Outputs out) {
            if (message instanceof ControlMessage.Shutdown) shutDown = true;
        }
    }

    /** A source that never stops by itself: only cancellation ends it. */
    /**
     * A source stuck in a blocking read after its first packet (a network peer gone quiet): it never sends
     * again, so the {@code Shutdown} it would handle in {@code send} never reaches it; only destroy's
     * interrupt ends it.
     */
    private static final class IgnoresShutdown implements Node {
        public Invocation invocation() {
            return Invocation.BLOCKING;
        }

        public void onStart(Outputs out) throws InterruptedException {
            out.send("out", BinaryPacket.of(new byte[] {1}));
            new java.util.concurrent.CountDownLatch(1).await(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Records what reaches it: packets, then -1 at end of input, then -2 when closed. */
    private record RecordingSink(List<Integer> seen, AtomicInteger closed) implements Node {
        public void onPacket(String pin, Packet packet, Outputs out) {
            seen.add((int) ((BinaryPacket) packet).data()[0]);
        }

        public void onInputEnd(String pin, Outputs out) {
            seen.add(-1);
            out.finish();
        }

        public void close() {
            seen.add(-2);
            closed.incrementAndGet();
        }
    }

    /** Counts closes of a source. */
    private record ClosedOnce(Node inner, AtomicInteger closed) implements Node {
        public Invocation invocation() {
            return inner.invocation();
        }

        public void onStart(Outputs out) throws Exception {
            inner.onStart(out);
        }

        public void onControl(ControlMessage message, Outputs out) throws Exception {
            inner.onControl(message, out);
        }

        public void close() {
            closed.incrementAndGet();
        }
    }
}
