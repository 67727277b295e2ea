package dev.streamkit.nodes.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PacketTelemetryTest {

    @Test
    void transcriptionBecomesSttResultWithSegments() {
        TranscriptionPacket transcription = new TranscriptionPacket("hello world", List.of(
                new TranscriptionPacket.Segment("hello", 0, 400, 0.9),
                new TranscriptionPacket.Segment("world", 400, 900, null)), "en", PacketMetadata.NONE);
        TelemetryEvent event = PacketTelemetry.toEvent(transcription);
        assertEquals("stt.result", event.eventType());
        assertEquals("hello world", event.data().get("text_preview"));
        assertEquals(2, event.data().get("segment_count"));
        Map<String, Object> first = Map.of("text", "hello", "start_time_ms", 0L, "end_time_ms", 400L, "confidence", 0.9);
        assertEquals(first, ((List<?>) event.data().get("segments")).get(0));
        assertEquals(List.of("text_preview", "segment_count", "segments"), List.copyOf(event.data().keySet()));
    }

    @Test
    void textBecomesTextReceivedWithUtf8LengthAndCutPreview() {
        String text = "é".repeat(150);
        TelemetryEvent event = PacketTelemetry.toEvent(new TextPacket(text, PacketMetadata.NONE));
        assertEquals("text.received", event.eventType());
        assertEquals("é".repeat(100) + "...", event.data().get("text_preview"));
        assertEquals(300, event.data().get("length"));
    }

    @Test
    void binaryBecomesBinaryReceived() {
        TelemetryEvent bare = PacketTelemetry.toEvent(BinaryPacket.of(new byte[42]));
        assertEquals("binary.received", bare.eventType());
        assertEquals(Map.of("size_bytes", 42, "has_metadata", false), bare.data());
        TelemetryEvent timed = PacketTelemetry.toEvent(new BinaryPacket(new byte[1], null, PacketMetadata.timed(0, 20_000)));
        assertEquals(true, timed.data().get("has_metadata"));
    }

    @Test
    void previewKeepsShortTextAndCutsByCharacters() {
        assertEquals("short", PacketTelemetry.preview("short"));
        assertEquals("x".repeat(100), PacketTelemetry.preview("x".repeat(100)));
        assertEquals("😀".repeat(100) + "...", PacketTelemetry.preview("😀".repeat(101)));
    }

    @Test
    void otherKindsAreNotItsToConvert() {
        assertNull(PacketTelemetry.toEvent(new AudioFrame(48_000, 1, new float[960], PacketMetadata.NONE)));
    }
}
