package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import dev.streamkit.engine.SessionInfo;
import dev.streamkit.engine.SessionListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live tuning: UpdateParams reaches inline and mailbox nodes, changes the following packets, never concurrently. */
class SessionTuneTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, NodeFactory> factories = new HashMap<>();
    private final List<Integer> collected = new CopyOnWriteArrayList<>();
    private final AtomicBoolean overlap = new AtomicBoolean();

    SessionTuneTest() {
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
        });
        ParamSchema factor = ParamSchema.builder().param("factor", ParamSpec.integer().range(0, 100).tunable()).build();
        for (String kind : List.of("test::scale", "test::scale_blocking")) {
            boolean blocking = kind.endsWith("blocking");
            register(NodeDefinition.builder(kind).params(factor).input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin))
                    .build(), params -> new ScaleNode(params.getInt("factor", 1), blocking));
        }
        register(NodeDefinition.builder("test::collect").input(InputPin.one("in", bin)).build(), params -> new Node() {
            public void onPacket(String pin, Packet packet, Outputs out) {
                collected.add((int) ((BinaryPacket) packet).data()[0]);
            }
        });
    }

    /** Multiplies each byte by {@code factor}; records any overlapping call. */
    private final class ScaleNode implements Node {
        private final AtomicBoolean busy = new AtomicBoolean();
        private final boolean blocking;
        private int factor;

        ScaleNode(int factor, boolean blocking) {
            this.factor = factor;
            this.blocking = blocking;
        }

        public Invocation invocation() {
            return blocking ? Invocation.BLOCKING : Invocation.NON_BLOCKING;
        }

        public void onPacket(String pin, Packet packet, Outputs out) {
            enter();
            out.send("out", BinaryPacket.of(new byte[] {(byte) (((BinaryPacket) packet).data()[0] * factor)}));
            busy.set(false);
        }

        public void onControl(ControlMessage message, Outputs out) {
            enter();
            if (message instanceof ControlMessage.UpdateParams update) factor = update.params().getInt("factor", 1);
            busy.set(false);
        }

        private void enter() {
            if (!busy.compareAndSet(false, true)) overlap.set(true);
        }
    }

    private void register(NodeDefinition definition, java.util.function.Function<Params, Node> create) {
        factories.put(definition.kind(), new LambdaNodeFactory(definition, create));
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SessionRegistry registry() {
        return TestSessions.registry(factories::get, kind -> List.of(), null, pool);
    }

    @Test
    void inlineNodeGetsTheNewParamsOnItsNextPacket() throws Exception {
        tuneChangesFollowingPackets("test::scale");
    }

    @Test
    void mailboxNodeGetsTheNewParamsBeforeQueuedPackets() throws Exception {
        tuneChangesFollowingPackets("test::scale_blocking");
    }

    private void tuneChangesFollowingPackets(String kind) throws Exception {
        SessionRegistry sessions = registry();
        List<String> events = new CopyOnWriteArrayList<>();
        sessions.addListener(new SessionListener() {
            public void sessionCreated(SessionInfo info) {
                events.add("created");
            }

            public void nodeParamsChanged(String sessionId, String nodeId, Map<String, Object> params) {
                events.add("params " + nodeId + " " + params);
            }

            public void nodeStateChanged(String sessionId, String nodeId, NodeState state) {
                events.add("state " + nodeId + " " + state);
            }
        });
        Session session = sessions.create("tune", new PipelineCompiler().compile("""
                nodes:
                  src: { kind: test::ticks }
                  scale: { kind: %s, params: { factor: 2 }, needs: src }
                  sink: { kind: test::collect, needs: scale }
                """.formatted(kind)));
        TestSessions.await(() -> collected.size() >= 5, "first packets");
        session.tune("scale", Map.of("factor", 5));
        assertEquals(Map.of("factor", 5), session.pipeline().nodes().get("scale").params());
        int before = collected.size();
        TestSessions.await(() -> collected.size() >= before + 5, "packets after tuning");
        // Once a 5 shows up no 2 follows: the change applies to every later packet.
        List<Integer> seen = List.copyOf(collected); // the source keeps appending; inspect one snapshot
        int first = seen.indexOf(5);
        assertTrue(first >= 0, seen.toString());
        assertFalse(seen.subList(first, seen.size()).contains(2), seen.toString());
        assertTrue(events.contains("params scale {factor=5}"), events.toString());
        assertTrue(events.contains("state src RUNNING"), events.toString());

        PipelineException bad = assertThrows(PipelineException.class, () -> session.tune("scale", Map.of("factor", "x")));
        assertTrue(bad.getMessage().contains("field 'factor'"), bad.getMessage());
        assertThrows(PipelineException.class, () -> session.tune("nope", Map.of()));
        sessions.destroy("tune");
        assertTrue(events.contains("state sink STOPPED(shutdown)"), events.toString());
        assertFalse(overlap.get(), "a node was called concurrently");
    }
}
