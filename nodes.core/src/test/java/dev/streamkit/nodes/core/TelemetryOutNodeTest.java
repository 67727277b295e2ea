package dev.streamkit.nodes.core;

import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Params;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryOutNodeTest {

    private final RecordingOutputs out = new RecordingOutputs();

    private static TelemetryOutNode node(Map<String, ?> params) {
        return new TelemetryOutNode(new TelemetryObserver(TelemetrySettings.of(Params.of(params), false), System::nanoTime));
    }

    @Test
    void publishesEventsAndSendsNothing() throws Exception {
        TelemetryOutNode node = node(Map.of("packet_types", List.of("Text", "Binary", "Custom")));
        node.onPacket("in", new TextPacket("hello", PacketMetadata.NONE), out);
        node.onPacket("in", BinaryPacket.of(new byte[7]), out);
        node.onPacket("in", new CustomPacket(TelemetryEvent.TYPE_ID, "{\"event_type\":\"tts.start\",\"turn_id\":\"t1\"}",
                PacketMetadata.NONE), out);
        assertEquals(List.of("text.received", "binary.received", "tts.start"),
                out.events().stream().map(TelemetryEvent::eventType).toList());
        assertEquals(Map.of("text_preview", "hello", "length", 5), out.events().get(0).data());
        assertEquals(Map.of("turn_id", "t1"), out.events().get(2).data());
        assertTrue(out.sent().isEmpty());
    }

    @Test
    void neverPublishesAudioLevels() throws Exception {
        TelemetryOutNode node = node(Map.of("packet_types", List.of("Audio")));
        for (int i = 0; i < 100; i++) node.onPacket("in", new AudioFrame(48_000, 1, new float[960], PacketMetadata.NONE), out);
        assertTrue(out.events().isEmpty());
    }

    @Test
    void finishesAtEndOfInput() throws Exception {
        node(Map.of()).onInputEnd("in", out);
        assertTrue(out.finished());
    }
}
