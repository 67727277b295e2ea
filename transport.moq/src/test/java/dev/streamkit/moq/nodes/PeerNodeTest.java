package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.moq.hang.LegacyFrame;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.testkit.NodeHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code transport::moq::peer} behind the gateway, with clients speaking moq-lite over the in-memory
 * WebTransport double: ingress from the publisher, egress to watchers, publisher churn, route ownership.
 */
class PeerNodeTest {

    private static final Duration WAIT = Duration.ofSeconds(LoopbackGateway.WAIT_SECONDS);

    private final LoopbackGateway loop = new LoopbackGateway();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private NodeHarness peer;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : cleanup) c.close();
        if (peer != null) peer.close();
    }

    private NodeHarness startPeer(Map<String, ?> params) throws Exception {
        peer = new NodeHarness(PeerNode.open("moq_peer", PeerParams.read(Params.of(params)), loop.gateway, 8, LocalBroadcast::new));
        peer.start(); // the engine starts a bidirectional node: it keeps its outputs
        return peer;
    }

    /** A client publishing broadcast {@code name} on {@code path}; its audio readers are awaited before writing. */
    private AudioOutput publish(String path, String name) throws Exception {
        MoqSession session = loop.connect(path);
        cleanup.add(session);
        AudioOutput output = new AudioOutput(new LocalBroadcast(name), 1, 64_000, new OutputTimeline(0, 40));
        session.publish(name, output.broadcast());
        LoopbackGateway.await(() -> output.readers() > 0, "the peer subscribing to the publisher's audio");
        return output;
    }

    private static BinaryPacket opus(int i) {
        return new BinaryPacket(new byte[] {(byte) 0xFC, (byte) i, 1, 2, 3, 4, 5, 6, 7, 8, 9}, null, PacketMetadata.timed(i * 20_000L, 20_000));
    }

    @Test
    void publishedOpusLeavesOnOutAndAudioDataWithoutItsTimestamp() throws Exception {
        startPeer(Map.of("gateway_path", "/moq"));
        AudioOutput publisher = publish("/moq/input", "input");
        for (int i = 0; i < 20; i++) { // one at a time: groups on parallel streams may overtake each other (live media)
            publisher.write(opus(i));
            int sent = i + 1;
            LoopbackGateway.await(() -> peer.outputs().sent("out").size() == sent, "packet " + i + " on out");
        }
        List<BinaryPacket> out = peer.outputs().packets("out", BinaryPacket.class);
        for (int i = 0; i < 20; i++) assertArrayEquals(opus(i).data(), out.get(i).data(), "packet " + i + ", payload only");
        LoopbackGateway.await(() -> peer.outputs().sent("audio/data").size() == 20, "the same on audio/data");
    }

    @Test
    void aBidirectionalClientPublishesOnTheBasePath() throws Exception {
        startPeer(Map.of("gateway_path", "/moq/transcoder", "input_broadcasts", List.of("mic")));
        AudioOutput publisher = publish("/moq/transcoder", "mic");
        publisher.write(opus(1));
        LoopbackGateway.await(() -> peer.outputs().sent("out").size() == 1, "the packet");
    }

    @Test
    void aBidirectionalClientThatOnlyWatchesHoldsNoPublisherSlot() throws Exception {
        startPeer(Map.of());
        cleanup.add(loop.connect("/moq"));
        LoopbackGateway.await(() -> peerWatchers() == 1, "the watcher");
        AudioOutput publisher = publish("/moq/input", "input");
        publisher.write(opus(1));
        LoopbackGateway.await(() -> peer.outputs().sent("out").size() == 1, "the publisher's packet");
    }

    @Test
    void aSecondPublisherIsRefusedWith409() throws Exception {
        startPeer(Map.of());
        publish("/moq/input", "input");
        ExecutionException refused = assertThrows(ExecutionException.class, () -> loop.connect("/moq/input"));
        assertTrue(refused.getCause().getMessage().contains("409"), refused.getCause().getMessage());
    }

    @Test
    void aPublisherThatLeavesMakesTheNodeWaitForTheNextWithAllowReconnect() throws Exception {
        startPeer(Map.of("allow_reconnect", true));
        AudioOutput first = publish("/moq/input", "input");
        first.write(opus(1));
        LoopbackGateway.await(() -> peer.outputs().sent("out").size() == 1, "the first publisher's packet");
        cleanup.remove(0).close();
        LoopbackGateway.await(() -> peer.outputs().states().contains(NodeState.recovering("waiting_for_publisher")),
                "Recovering(waiting_for_publisher)");
        assertTrue(!peer.outputs().finished(), "still running");

        AudioOutput second = publish("/moq/input", "input");
        second.write(opus(2));
        LoopbackGateway.await(() -> peer.outputs().sent("out").size() == 2, "the second publisher's packet");
        List<NodeState> states = peer.outputs().states();
        assertEquals(NodeState.RUNNING, states.get(states.size() - 1), "Running again");
    }

    @Test
    void aPublisherThatLeavesEndsTheNodeWithoutAllowReconnect() throws Exception {
        startPeer(Map.of());
        publish("/moq/input", "input");
        cleanup.remove(0).close();
        LoopbackGateway.await(() -> peer.outputs().finished(), "the node ending");
        assertTrue(peer.outputs().states().contains(NodeState.stopped("shutdown")));
    }

    @Test
    void everyWatcherGetsTheCatalogAndTimedGroupsOfIn() throws Exception {
        startPeer(Map.of("output_group_duration_ms", 40, "output_initial_delay_ms", 100));
        List<TrackConsumer> watchers = new ArrayList<>();
        for (String path : List.of("/moq/output", "/moq/output", "/moq")) {
            MoqSession session = loop.connect(path);
            cleanup.add(session);
            BroadcastConsumer output = session.consume("output", WAIT).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals("audio/data", AudioInput.audioTrack(output, WAIT), "the catalog names the audio track");
            watchers.add(output.subscribe("audio/data", 80));
        }
        LoopbackGateway.await(() -> peerWatchers() == 3, "three watching sessions");
        LoopbackGateway.await(() -> ((PeerNode) peer.node()).audioReaders() == 3, "three audio subscriptions");
        assertEquals(3, peer.outputs().events("moq.subscribers").size(), "each watcher reported");
        List<List<Long>> stamps = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int g = 0; g < 3; g++) { // a group at a time: groups on parallel streams may overtake each other
            peer.feed("in", opus(2 * g), opus(2 * g + 1));
            for (int w = 0; w < watchers.size(); w++) {
                GroupConsumer group = watchers.get(w).nextGroup(WAIT);
                List<Long> inGroup = new ArrayList<>();
                for (byte[] frame = group.readFrame(WAIT); frame != null; frame = group.readFrame(WAIT)) {
                    inGroup.add(LegacyFrame.decode(frame).timestampMicros());
                }
                assertEquals(2, inGroup.size(), "40 ms groups of 20 ms frames");
                stamps.get(w).addAll(inGroup);
            }
        }
        for (List<Long> watcher : stamps) {
            assertEquals(List.of(100_000L, 120_000L, 140_000L, 160_000L, 180_000L, 200_000L), watcher, "initial delay + 20 ms steps");
        }
    }

    private int peerWatchers() {
        return ((PeerNode) peer.node()).watchers();
    }

    @Test
    void aTakenGatewayPathRefusesTheSecondPeer() throws Exception {
        startPeer(Map.of("gateway_path", "/moq/a"));
        NodeException taken = assertThrows(NodeException.class, () -> PeerNode.open("other",
                PeerParams.read(Params.of(Map.of("gateway_path", "/moq/a/"))), loop.gateway, 8, LocalBroadcast::new));
        assertEquals("gateway_path", taken.field());
        assertTrue(taken.getMessage().contains("Path pattern '/moq/a' is already registered"), taken.getMessage());
    }

    @Test
    void closingThePeerReleasesItsRoutes() throws Exception {
        startPeer(Map.of());
        peer.close();
        assertTrue(loop.gateway.routesAt("/moq").isEmpty());
        peer = null;
    }
}
