package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.testkit.NodeHarness;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code transport::moq::publisher} pushing to a peer's {@code /input} and {@code transport::moq::subscriber}
 * pulling its {@code /output}, over the gateway and the in-memory WebTransport double.
 */
class ClientNodesTest {

    private final LoopbackGateway loop = new LoopbackGateway();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private NodeHarness peer;
    private NodeHarness client;
    private Thread sourceThread;

    /** Connects through the loop, refusing the first {@code refusals} attempts. */
    private final MoqConnector connector = url -> refusals.getAndDecrement() > 0
            ? CompletableFuture.failedFuture(new IOException(url + " refused: 503"))
            : MoqLite.connect(loop.client, url, new ClientOptions(List.of(), List.of(), true, Duration.ofSeconds(5)),
                    MoqLimits.defaults());

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.outputs().cancel();
            client.close();
        }
        if (sourceThread != null) {
            sourceThread.interrupt();
            sourceThread.join(10_000);
        }
        if (peer != null) peer.close();
    }

    private void startPeer() throws Exception {
        peer = new NodeHarness(PeerNode.open("moq_peer", PeerParams.read(Params.of(Map.of())), loop.gateway, 8, LocalBroadcast::new));
        peer.start();
    }

    private static ClientParams target(String path, String broadcast) throws Exception {
        return ClientParams.read(Params.of(Map.of("url", "http://127.0.0.1:4545" + path, "broadcast", broadcast)));
    }

    private static BinaryPacket opus(int i) {
        return new BinaryPacket(new byte[] {(byte) 0xFC, (byte) i, 7, 7, 7, 7, 7, 7, 7, 7}, null, PacketMetadata.timed(i * 20_000L, 20_000));
    }

    @Test
    void aPublisherNodePushesItsInputToAPeer() throws Exception {
        startPeer();
        refusals.set(1);
        AudioOutput output = new AudioOutput(new LocalBroadcast("input"), 2, PublisherFactory.CATALOG_BITRATE, new OutputTimeline(0, 40));
        client = new NodeHarness(new PublisherNode("pub", target("/moq/input", "input"), output, connector, pauses::add));
        LoopbackGateway.await(() -> output.readers() > 0, "the peer reading the published audio");
        assertEquals(List.of(ReconnectLoop.RETRY_PAUSE), pauses, "the refused first attempt was retried after a second");
        for (int i = 0; i < 5; i++) {
            client.feed("in", opus(i));
            int sent = i + 1;
            LoopbackGateway.await(() -> peer.outputs().sent("out").size() == sent, "packet " + i + " at the peer");
            assertArrayEquals(opus(i).data(), peer.outputs().packets("out", BinaryPacket.class).get(i).data());
        }
    }

    @Test
    void aSubscriberNodePullsAPeersOutputAndRetriesUntilItCan() throws Exception {
        startPeer();
        refusals.set(2);
        client = new NodeHarness(new SubscriberNode("sub", target("/moq/output", "output"), connector, pauses::add));
        sourceThread = new Thread(client::start, "test-subscriber-source");
        sourceThread.start();
        LoopbackGateway.await(() -> ((PeerNode) peer.node()).audioReaders() == 1, "the subscriber reading the peer's audio");
        assertEquals(2, pauses.size(), "two refusals, two pauses of a second");
        assertTrue(client.outputs().states().stream().anyMatch(s -> s.kind() == NodeState.Kind.RECOVERING), "Recovering meanwhile");
        for (int i = 0; i < 4; i++) {
            peer.feed("in", opus(i));
            int sent = i + 1;
            LoopbackGateway.await(() -> client.outputs().sent("out").size() == sent, "packet " + i + " at the subscriber");
            assertArrayEquals(opus(i).data(), client.outputs().packets("out", BinaryPacket.class).get(i).data());
        }
    }

    @Test
    void aSubscriberWhoseRelayDropsReconnects() throws Exception {
        startPeer();
        client = new NodeHarness(new SubscriberNode("sub", target("/moq/output", "output"), connector, pauses::add));
        sourceThread = new Thread(client::start, "test-subscriber-source");
        sourceThread.start();
        LoopbackGateway.await(() -> ((PeerNode) peer.node()).audioReaders() == 1, "the first subscription");
        loop.client.lastServerEnd().close(0, "relay restarting");
        LoopbackGateway.await(() -> pauses.size() == 1 && ((PeerNode) peer.node()).audioReaders() == 1, "a second subscription");
        peer.feed("in", opus(9));
        LoopbackGateway.await(() -> client.outputs().sent("out").size() == 1, "a packet after the reconnect");
    }
}
