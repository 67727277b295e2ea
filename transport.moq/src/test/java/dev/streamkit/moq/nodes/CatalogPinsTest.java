package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.testkit.NodeHarness;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Catalog discovery turning advertised tracks into output pins: the subscriber emits each audio rendition on a
 * pin named after its track, the peer each further input broadcast's on {@code {broadcast}/{track}}.
 */
class CatalogPinsTest {

    /** Closed after each test, last first. */
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private NodeHarness node;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c = cleanup.pollLast(); c != null; c = cleanup.pollLast()) c.close();
    }

    /** Runs {@code source}'s {@code onStart} on a thread of its own, as the engine's source thread. */
    private void runSource(Node source) {
        node = new NodeHarness(source);
        Thread thread = new Thread(node::start, "test-subscriber-source");
        cleanup.add(() -> {
            thread.interrupt();
            thread.join(10_000);
        });
        cleanup.add(node);
        cleanup.add(node.outputs()::cancel);
        thread.start();
    }

    /** A peer reading {@code input} and {@code cam-input}, started as the engine starts it. */
    private void startPeer(LoopbackGateway loop) throws Exception {
        PeerParams params = PeerParams.read(Params.of(Map.of("input_broadcasts", List.of("input", "cam-input"))));
        node = new NodeHarness(PeerNode.open("moq_peer", params, loop.gateway, 8, LocalBroadcast::new));
        cleanup.add(node);
        node.start();
    }

    private static byte[] opus(int track, int i) {
        return new byte[] {(byte) 0xFC, (byte) track, (byte) i, 5, 5, 5, 5, 5};
    }

    private List<byte[]> payloads(String pin) {
        return node.outputs().packets(pin, BinaryPacket.class).stream().map(BinaryPacket::data).toList();
    }

    private static void assertPayloads(List<byte[]> expected, List<byte[]> actual, String pin) {
        assertEquals(expected.size(), actual.size(), pin);
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), actual.get(i), pin + " packet " + i);
    }

    @Test
    void aSubscriberEmitsEachAdvertisedRenditionOnItsTracksPin() throws Exception {
        Renditions remote = new Renditions("show", "audio/data", "audio/low");
        FakeSession relay = new FakeSession();
        relay.announce(remote.broadcast.consumer());
        ClientParams source = ClientParams.read(Params.of(Map.of("url", "http://127.0.0.1:4545/moq", "broadcast", "show")));
        runSource(new SubscriberNode("sub", source, url -> CompletableFuture.completedFuture(relay), pause -> { }));
        LoopbackGateway.await(remote::allRead, "the subscriber reading both renditions");

        List<byte[]> data = new ArrayList<>();
        List<byte[]> low = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            data.add(opus(1, i));
            low.add(opus(2, i));
            remote.write("audio/data", data.get(i), i * 20_000L);
            remote.write("audio/low", low.get(i), i * 20_000L);
            int sent = i + 1;
            LoopbackGateway.await(() -> node.outputs().sent("audio/data").size() == sent
                    && node.outputs().sent("audio/low").size() == sent, "packet " + i + " on both track pins");
        }
        assertPayloads(data, payloads("audio/data"), "audio/data");
        assertPayloads(low, payloads("audio/low"), "audio/low");
        assertPayloads(data, payloads("out"), "out, the first rendition");
    }

    @Test
    void aPeerEmitsAFurtherBroadcastOnPrefixedPins() throws Exception {
        LoopbackGateway loop = new LoopbackGateway();
        startPeer(loop);
        MoqSession client = loop.connect("/moq"); // bidirectional: the only connection offering further broadcasts
        cleanup.add(client);
        Renditions primary = new Renditions("input", "audio/data");
        Renditions camera = new Renditions("cam-input", "audio/data", "audio/low");
        client.publish("input", primary.broadcast);
        client.publish("cam-input", camera.broadcast);
        LoopbackGateway.await(() -> primary.allRead() && camera.allRead(), "the peer reading both broadcasts");

        primary.write("audio/data", opus(0, 0), 0);
        camera.write("audio/data", opus(1, 0), 0);
        camera.write("audio/low", opus(2, 0), 0);
        LoopbackGateway.await(() -> node.outputs().sent("cam-input/audio/data").size() == 1
                && node.outputs().sent("cam-input/audio/low").size() == 1
                && node.outputs().sent("audio/data").size() == 1, "a packet on each pin");
        assertPayloads(List.of(opus(1, 0)), payloads("cam-input/audio/data"), "cam-input/audio/data");
        assertPayloads(List.of(opus(2, 0)), payloads("cam-input/audio/low"), "cam-input/audio/low");
        assertPayloads(List.of(opus(0, 0)), payloads("audio/data"), "audio/data, the primary's");
        assertPayloads(List.of(opus(0, 0)), payloads("out"), "out, the primary's only");
    }

    @Test
    void aPublisherOnlyConnectionOffersThePrimaryBroadcastAlone() throws Exception {
        LoopbackGateway loop = new LoopbackGateway();
        startPeer(loop);
        MoqSession client = loop.connect("/moq/input");
        cleanup.add(client);
        Renditions primary = new Renditions("input", "audio/data");
        Renditions camera = new Renditions("cam-input", "audio/data");
        client.publish("cam-input", camera.broadcast);
        client.publish("input", primary.broadcast);
        LoopbackGateway.await(primary::allRead, "the peer reading the primary broadcast");
        primary.write("audio/data", opus(0, 0), 0);
        LoopbackGateway.await(() -> node.outputs().sent("out").size() == 1, "the primary's packet");
        camera.write("audio/data", opus(1, 0), 0);
        primary.write("audio/data", opus(0, 1), 20_000);
        LoopbackGateway.await(() -> node.outputs().sent("out").size() == 2, "the primary's next packet");
        assertEquals(0, camera.readers("audio/data"), "cam-input is not read from /input");
        assertTrue(node.outputs().sent("cam-input/audio/data").isEmpty());
    }
}
