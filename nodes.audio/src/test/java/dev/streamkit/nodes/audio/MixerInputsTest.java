package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixerInputsTest {

    private static AudioFrame frame() {
        return new AudioFrame(48_000, 1, new float[960], PacketMetadata.NONE);
    }

    @Test
    void fixedPinsAreOpenFromTheStart() {
        MixerInputs inputs = new MixerInputs(List.of("in_0", "in_1"));
        assertEquals(Set.of("in_0", "in_1"), inputs.open());
        assertFalse(inputs.allEnded());
    }

    @Test
    void aDynamicPinOpensWhenItDeliversOrIsConnected() {
        MixerInputs inputs = new MixerInputs(List.of());
        assertTrue(inputs.allEnded(), "nothing known yet");
        assertNotNull(inputs.accept("in_0"));
        inputs.connect("in_1");
        assertEquals(Set.of("in_0", "in_1"), inputs.open());
    }

    @Test
    void anEndedPinIsMixedOutThenForgottenAndItsLaterAudioRefused() {
        MixerInputs inputs = new MixerInputs(List.of("in_0"));
        inputs.accept("in_0").add(frame());
        inputs.end("in_0");
        assertNull(inputs.accept("in_0"));
        assertEquals(960, inputs.largestQueued(), "what it holds is still mixed");
        inputs.queues().forEach(q -> q.discard(960));
        inputs.forgetDrained();
        assertTrue(inputs.queues().isEmpty());
        assertTrue(inputs.allEnded());
    }

    @Test
    void aDisconnectedPinLosesItsAudioRefusesStraysAndKeepsTheMixerAlive() {
        MixerInputs inputs = new MixerInputs(List.of("in_0"));
        inputs.accept("in_0").add(frame());
        inputs.disconnect("in_0");
        assertEquals(0, inputs.largestQueued());
        assertNull(inputs.accept("in_0"), "packets still on their way are dropped");
        assertTrue(inputs.open().isEmpty());
        assertFalse(inputs.allEnded(), "it may be connected again");
        inputs.connect("in_0");
        assertNotNull(inputs.accept("in_0"));
        inputs.end("in_0");
        assertTrue(inputs.allEnded());
    }
}
