package dev.streamkit.nodes.core;

import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTapNodeTest {

    private final RecordingOutputs out = new RecordingOutputs();
    /** The rate limiter's clock: only moves when a test moves it. */
    private long nowNanos;

    private TelemetryTapNode tap(Map<String, ?> params) {
        return new TelemetryTapNode(new TelemetryObserver(TelemetrySettings.of(Params.of(params), true), () -> nowNanos));
    }

    private static CustomPacket vad(String eventType) {
        return new CustomPacket(CustomTelemetry.VAD_TYPE_ID, "{\"event_type\":\"" + eventType + "\"}", PacketMetadata.NONE);
    }

    @Test
    void forwardsEveryPacketUnchangedWhateverItPublishes() throws Exception {
        TelemetryTapNode node = tap(Map.of());
        List<Packet> input = List.of(new TextPacket("hi", PacketMetadata.NONE), vad("speech_start"),
                new AudioFrame(48_000, 1, new float[960], PacketMetadata.NONE), BinaryPacket.of(new byte[3]));
        for (Packet packet : input) node.onPacket("in", packet, out);
        assertEquals(input, out.packets(Packet.class));
        out.sent().forEach(sent -> assertEquals("out", sent.pin()));
        node.onInputEnd("in", out);
        assertTrue(out.finished());
    }

    @Test
    void byDefaultPublishesTranscriptionsAndCustomPacketsOnly() throws Exception {
        TelemetryTapNode node = tap(Map.of());
        node.onPacket("in", new TextPacket("ignored", PacketMetadata.NONE), out);
        node.onPacket("in", new TranscriptionPacket("heard", List.of(), null, PacketMetadata.NONE), out);
        node.onPacket("in", vad("speech_end"), out);
        node.onPacket("in", new AudioFrame(48_000, 1, new float[48_000], PacketMetadata.NONE), out);
        assertEquals(List.of("stt.result", "vad.speech_end"), out.events().stream().map(TelemetryEvent::eventType).toList());
    }

    @Test
    void publishesAudioLevelsEveryIntervalOfAudioWhenAudioIsSelected() throws Exception {
        TelemetryTapNode node = tap(Map.of("packet_types", List.of("audio"), "audio_sample_interval_ms", 200));
        for (AudioFrame frame : AudioLevelMeterTest.sineFrames(0.25, 50)) node.onPacket("in", frame, out);
        List<TelemetryEvent> levels = out.events("audio.level");
        assertEquals(5, levels.size(), "one second of audio at one event per 200 ms");
        levels.forEach(level -> assertEquals(0.25 / Math.sqrt(2), (double) level.data().get("rms"), 1e-3));
    }

    @Test
    void zeroIntervalDisablesAudioLevels() throws Exception {
        TelemetryTapNode node = tap(Map.of("packet_types", List.of("Audio"), "audio_sample_interval_ms", 0));
        for (AudioFrame frame : AudioLevelMeterTest.sineFrames(0.25, 100)) node.onPacket("in", frame, out);
        assertTrue(out.events().isEmpty());
    }

    @Test
    void eventTypeFilterSelectsAmongCustomEvents() throws Exception {
        TelemetryTapNode node = tap(Map.of("event_type_filter", List.of("vad.speech_start")));
        node.onPacket("in", vad("speech_start"), out);
        node.onPacket("in", vad("speech_end"), out);
        node.onPacket("in", new TranscriptionPacket("heard", List.of(), null, PacketMetadata.NONE), out);
        assertEquals(List.of("vad.speech_start", "stt.result"), out.events().stream().map(TelemetryEvent::eventType).toList());
    }

    @Test
    void rateLimitsPerEventTypeAndReportsTheDrops() throws Exception {
        TelemetryTapNode node = tap(Map.of("max_events_per_sec", 5));
        for (int i = 0; i < 8; i++) node.onPacket("in", vad("speech_start"), out);
        assertEquals(5, out.events("vad.speech_start").size());
        assertEquals(8, out.sent().size(), "rate limiting never holds packets back");
        List<TelemetryEvent> health = out.events("telemetry.health");
        assertEquals(1, health.size(), "at most one health event a second");
        assertEquals(1L, health.get(0).data().get("dropped_due_to_rate_limit"));
        nowNanos += 1_000_000_000L;
        node.onPacket("in", vad("speech_start"), out);
        assertEquals(2, out.events("telemetry.health").size());
        assertEquals(2L, out.events("telemetry.health").get(1).data().get("dropped_due_to_rate_limit"));
    }

    @Test
    void runsInline() {
        assertSame(Node.Invocation.NON_BLOCKING, tap(Map.of()).invocation());
    }
}
