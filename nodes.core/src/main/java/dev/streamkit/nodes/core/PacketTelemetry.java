package dev.streamkit.nodes.core;

import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telemetry events StreamKit derives from text-like packets (Custom packets are
 * {@link CustomTelemetry}'s, audio {@link AudioLevelMeter}'s):
 *
 * <pre>
 *   Transcription  stt.result       {text_preview, segment_count, segments: [{text, start_time_ms, end_time_ms, confidence}]}
 *   Text           text.received    {text_preview, length}
 *   Binary         binary.received  {size_bytes, has_metadata}
 * </pre>
 *
 * Previews are the first {@value #PREVIEW_CHARS} characters, with {@code ...} when cut; {@code length} is
 * in UTF-8 bytes, as StreamKit counts it.
 */
final class PacketTelemetry {

    static final int PREVIEW_CHARS = 100;

    private PacketTelemetry() {
    }

    /** The event for {@code packet}, or {@code null} for kinds this class does not convert. */
    static TelemetryEvent toEvent(Packet packet) {
        if (packet instanceof TranscriptionPacket transcription) return sttResult(transcription);
        if (packet instanceof TextPacket text) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("text_preview", preview(text.text()));
            data.put("length", text.text().getBytes(StandardCharsets.UTF_8).length);
            return TelemetryEvent.now("text.received", data);
        }
        if (packet instanceof BinaryPacket binary) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("size_bytes", binary.data().length);
            data.put("has_metadata", !PacketMetadata.NONE.equals(binary.metadata()));
            return TelemetryEvent.now("binary.received", data);
        }
        return null;
    }

    private static TelemetryEvent sttResult(TranscriptionPacket transcription) {
        List<Map<String, Object>> segments = transcription.segments().stream().map(segment -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", segment.text());
            json.put("start_time_ms", segment.startTimeMs());
            json.put("end_time_ms", segment.endTimeMs());
            json.put("confidence", segment.confidence());
            return json;
        }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text_preview", preview(transcription.text()));
        data.put("segment_count", segments.size());
        data.put("segments", segments);
        return TelemetryEvent.now("stt.result", data);
    }

    /** The first {@value #PREVIEW_CHARS} characters (code points) of {@code text}, {@code ...} appended when cut. */
    static String preview(String text) {
        if (text.codePointCount(0, text.length()) <= PREVIEW_CHARS) return text;
        return text.substring(0, text.offsetByCodePoints(0, PREVIEW_CHARS)) + "...";
    }
}
