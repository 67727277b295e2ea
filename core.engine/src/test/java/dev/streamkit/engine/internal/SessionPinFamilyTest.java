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
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.engine.GraphOperation;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.PipelineException;
import dev.streamkit.engine.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Output pin families ({@link OutputPin#family}) in a live session: a connection naming a pin the pattern admits
 * is accepted with the family's type, any other is refused, and packets sent on a named pin reach the connections
 * from that pin only (sends on pins nothing is connected to go nowhere).
 */
class SessionPinFamilyTest {

    /** What the source sends, each packet's byte saying which pin it went out on. */
    private static final Map<String, Integer> SENT_ON = Map.of("out", 0, "audio/data", 1, "audio/low", 2, "video/hd", 3);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, List<Integer>> collected = new ConcurrentHashMap<>();
    private final Map<String, NodeFactory> factories = Map.of(
            "test::tracks", new LambdaNodeFactory(NodeDefinition.builder("test::tracks")
                    .output(OutputPin.broadcast("out", PacketType.BINARY))
                    .output(OutputPin.family("*/*", PacketType.BINARY))
                    .output(OutputPin.family("cam/*/*", PacketType.TEXT)).build(), params -> new TrackSource()),
            "test::text", new LambdaNodeFactory(NodeDefinition.builder("test::text")
                    .input(InputPin.one("in", PacketType.TEXT)).build(), params -> new Node() {
                    }),
            "test::collect", new LambdaNodeFactory(NodeDefinition.builder("test::collect")
                    .input(InputPin.one("in", PacketType.BINARY))
                    .params(ParamSchema.builder().param("name", ParamSpec.string()).build()).build(),
                    params -> new Node() {
                        public void onPacket(String pin, Packet packet, Outputs out) {
                            collected.computeIfAbsent(params.getString("name", "c"), k -> new CopyOnWriteArrayList<>())
                                    .add((int) ((BinaryPacket) packet).data()[0]);
                        }
                    }));
    private final SessionRegistry sessions = TestSessions.registry(factories::get, kind -> List.of(), null, pool);

    /** Sends on every pin of {@link #SENT_ON} in turn, every 2 ms. */
    private static final class TrackSource implements Node {
        @Override
        public Invocation invocation() {
            return Invocation.BLOCKING;
        }

        @Override
        public void onStart(Outputs out) throws InterruptedException {
            for (int i = 0; i < 100_000 && !out.isCancelled(); i++) {
                for (Map.Entry<String, Integer> pin : SENT_ON.entrySet()) {
                    out.send(pin.getKey(), BinaryPacket.of(new byte[] {pin.getValue().byteValue()}));
                }
                Thread.sleep(2);
            }
            out.finish();
        }
    }

    @AfterEach
    void stop() {
        sessions.destroyAll();
        pool.shutdownNow();
    }

    /** A session "g" of {@code yaml}. */
    private Session session(String yaml) throws PipelineException {
        return sessions.create("g", new PipelineCompiler().compile(yaml));
    }

    /** How many packets the collector {@code name} took. */
    private int count(String name) {
        return collected.getOrDefault(name, List.of()).size();
    }

    @Test
    void connectionsAreJudgedByTheFamilysPatternAndType() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::tracks }
                  a: { kind: test::collect, params: { name: a } }
                  t: { kind: test::text }
                """);
        TestSessions.refused(s, "Unknown output pin 'src.audio'", () -> s.connect("src", "audio", "a", "in", null));
        TestSessions.refused(s, "Unknown output pin 'src.x/audio/data'", () -> s.connect("src", "x/audio/data", "a", "in", null));
        TestSessions.refused(s, "Unknown output pin 'src.*/*'", () -> s.connect("src", "*/*", "a", "in", null));
        TestSessions.refused(s, "Type mismatch", () -> s.connect("src", "cam/audio/data", "a", "in", null));
        TestSessions.refused(s, "Type mismatch", () -> s.connect("src", "audio/data", "t", "in", null));
        s.connect("src", "cam/audio/data", "t", "in", null);
        s.connect("src", "audio/data", "a", "in", null);
        assertTrue(s.pipeline().connections().contains(
                new Connection("src", "audio/data", "a", "in", ConnectionMode.RELIABLE)), s.pipeline().toString());
        TestSessions.refused(s, "cardinality: One", () -> s.connect("src", "audio/low", "a", "in", null));
        assertEquals(List.of(), s.validateBatch(List.of(
                new GraphOperation.Disconnect("src", "audio/data", "a", "in"),
                new GraphOperation.Connect("src", "audio/low", "a", "in", null))));
    }

    @Test
    void packetsReachTheConnectionsOfTheirNamedPinOnly() throws Exception {
        Session s = session("""
                nodes:
                  src: { kind: test::tracks }
                  first: { kind: test::collect, params: { name: first }, needs: src }
                """);
        s.addNode("data", "test::collect", Map.of("name", "data"));
        s.addNode("low", "test::collect", Map.of("name", "low"));
        s.applyBatch(List.of(new GraphOperation.Connect("src", "audio/data", "data", "in", null),
                new GraphOperation.Connect("src", "audio/low", "low", "in", ConnectionMode.BEST_EFFORT)));
        TestSessions.await(() -> count("data") >= 5 && count("low") >= 5 && count("first") >= 5, "packets on every pin");
        assertEquals(List.of(1), collected.get("data").stream().distinct().toList(), "audio/data's packets only");
        assertEquals(List.of(2), collected.get("low").stream().distinct().toList(), "audio/low's packets only");
        assertEquals(List.of(0), collected.get("first").stream().distinct().toList(), "out's packets only");
        assertEquals(NodeState.Kind.RUNNING, s.nodeStates().get("src").kind(), "sends on video/hd, connected nowhere, went nowhere");

        s.disconnect("src", "audio/low", "low", "in");
        int data = count("data");
        TestSessions.await(() -> count("data") > data + 5, "audio/data flowing on");
        int low = count("low"); // a delivery under way at the disconnect has landed by now
        int later = count("data");
        TestSessions.await(() -> count("data") > later + 5, "audio/data flowing on still");
        assertEquals(low, count("low"), "nothing on audio/low's former connection");
    }
}
