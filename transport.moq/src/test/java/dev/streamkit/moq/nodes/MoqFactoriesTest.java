package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.PacketType;
import dev.streamkit.testkit.TestNodeContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three kinds as the schema API shows them: StreamKit's pins, the peer's need to close a cycle. */
class MoqFactoriesTest {

    @Test
    void thePeerIsBidirectionalWithOpusInAndOutPins() {
        NodeDefinition peer = new PeerFactory(null).definition();
        assertEquals("transport::moq::peer", peer.kind());
        assertTrue(peer.bidirectional(), "it closes the peer -> decoder -> ... -> encoder -> peer cycle");
        assertEquals(PacketType.OPUS_AUDIO, peer.inputs().get(0).acceptsTypes().get(0));
        assertEquals(java.util.List.of("out", "audio/data", "*/*"), peer.outputs().stream().map(OutputPin::name).toList());
    }

    @Test
    void eachFurtherInputBroadcastAddsAPrefixedPinFamily() {
        java.util.List<OutputPin> pins = new PeerFactory(null).outputs(
                Params.of(Map.of("input_broadcasts", java.util.List.of("input", "cam-input"))));
        assertTrue(pins.stream().anyMatch(pin -> pin.admits("video/hd")), "the primary's tracks, unprefixed");
        assertTrue(pins.stream().anyMatch(pin -> pin.admits("cam-input/audio/data")), pins.toString());
        assertFalse(pins.stream().anyMatch(pin -> pin.admits("other/audio/data")), pins.toString());
        assertTrue(pins.stream().allMatch(pin -> pin.producesType().equals(PacketType.OPUS_AUDIO)));
    }

    @Test
    void theClientsHaveOneSidedPins() {
        NodeDefinition publisher = new PublisherFactory().definition();
        NodeDefinition subscriber = new SubscriberFactory().definition();
        assertTrue(publisher.outputs().isEmpty());
        assertEquals("in", publisher.inputs().get(0).name());
        assertTrue(subscriber.inputs().isEmpty(), "a source");
        assertEquals("out", subscriber.outputs().get(0).name());
        assertTrue(subscriber.outputs().get(1).admits("audio/data"), "a pin per advertised track");
        assertFalse(publisher.bidirectional() || subscriber.bidirectional());
    }

    @Test
    void aPeerOutsideASessionIsRefused() {
        NodeException refused = assertThrows(NodeException.class,
                () -> new PeerFactory(null).create(Params.of(Map.of()), TestNodeContext.noFiles()));
        assertTrue(refused.getMessage().contains("dynamic pipelines only"), refused.getMessage());
    }
}
