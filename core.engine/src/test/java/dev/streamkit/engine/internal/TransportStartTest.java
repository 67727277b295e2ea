package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bidirectional node with inputs (a network transport) is started once in a live session and sends from a
 * thread of its own; its packets travel a cycle back into its input, and returning from {@code onStart} does
 * not end it.
 */
class TransportStartTest {

    private static final int PACKETS = 50;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger starts = new AtomicInteger();
    private SessionRegistry sessions;

    @AfterEach
    void stop() {
        if (sessions != null) sessions.destroyAll();
        pool.shutdownNow();
    }

    private Node transport() {
        return new Node() {
            public void onStart(Outputs out) {
                starts.incrementAndGet();
                log.add("start");
                Thread reader = new Thread(() -> {
                    for (int i = 0; i < PACKETS; i++) out.send("out", BinaryPacket.of(new byte[] {(byte) i}));
                }, "test-network-reader");
                reader.setDaemon(true);
                reader.start();
            }

            public void onPacket(String pin, Packet packet, Outputs out) {
                log.add("pkt:" + pin);
            }
        };
    }

    @Test
    void aBidirectionalNodeIsStartedOnceAndItsThreadFeedsTheCycle() throws Exception {
        PacketType bin = PacketType.BINARY;
        NodeFactory peer = new LambdaNodeFactory(NodeDefinition.builder("test::transport").bidirectional()
                .input(InputPin.one("in", bin)).output(OutputPin.broadcast("out", bin)).build(), params -> transport());
        NodeFactory relay = new LambdaNodeFactory(NodeDefinition.builder("test::relay").input(InputPin.one("in", bin))
                .output(OutputPin.broadcast("out", bin)).build(), params -> new Node() {
                    public void onPacket(String pin, Packet packet, Outputs out) {
                        out.send("out", packet);
                    }
                });
        Map<String, NodeFactory> factories = Map.of("test::transport", peer, "test::relay", relay);
        sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);
        Session session = sessions.create("s", new PipelineCompiler(kind -> factories.get(kind).definition()).compile("""
                nodes:
                  peer: { kind: test::transport, needs: relay }
                  relay: { kind: test::relay, needs: peer }
                """));
        TestSessions.await(() -> log.stream().filter("pkt:in"::equals).count() == PACKETS, "every packet back at the peer");
        assertEquals(1, starts.get(), "started once");
        assertEquals("start", log.get(0), "started before its first packet");
        assertEquals(NodeState.RUNNING, session.nodeStates().get("peer"), "returning from onStart ended nothing");
        assertTrue(session.nodeStates().get("relay").equals(NodeState.RUNNING));
    }
}
