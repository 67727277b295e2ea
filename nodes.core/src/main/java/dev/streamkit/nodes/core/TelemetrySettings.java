package dev.streamkit.nodes.core;

import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.CustomPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.TextPacket;
import dev.streamkit.api.packet.TranscriptionPacket;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of {@code core::telemetry_out} and {@code core::telemetry_tap}: their schema, and their
 * values once read. The tap alone takes {@code audio_sample_interval_ms}; for {@code telemetry_out} the
 * interval is 0 (no audio levels), as in StreamKit.
 *
 * @param packetTypes     lower-case names of the packet kinds converted to events ({@code audio},
 *                        {@code transcription}, {@code custom}, {@code binary}, {@code text})
 * @param filter          which event types derived from Custom packets are published
 * @param maxEventsPerSec events allowed per event type and second; 0 disables the limit
 * @param audioIntervalMs audio time between two {@code audio.level} events; 0 disables them
 */
record TelemetrySettings(Set<String> packetTypes, EventTypeFilter filter, int maxEventsPerSec, long audioIntervalMs) {

    static final String PACKET_TYPES = "packet_types";
    static final String EVENT_TYPE_FILTER = "event_type_filter";
    static final String MAX_EVENTS_PER_SEC = "max_events_per_sec";
    static final String AUDIO_SAMPLE_INTERVAL_MS = "audio_sample_interval_ms";
    static final List<String> DEFAULT_PACKET_TYPES = List.of("Transcription", "Custom");
    static final int DEFAULT_MAX_EVENTS_PER_SEC = 100;
    static final long DEFAULT_AUDIO_SAMPLE_INTERVAL_MS = 1_000;

    /** The params schema; {@code audioLevels} adds {@code audio_sample_interval_ms} (the tap). */
    static ParamSchema schema(boolean audioLevels) {
        ParamSchema.Builder schema = ParamSchema.builder()
                .param(PACKET_TYPES, ParamSpec.array().defaultValue(DEFAULT_PACKET_TYPES)
                        .describe("Packet kinds converted to telemetry events (strings, any case): "
                                + "Audio, Transcription, Custom, Binary, Text"))
                .param(EVENT_TYPE_FILTER, ParamSpec.array().defaultValue(List.of())
                        .describe("Event types of Custom packets to publish (strings; a trailing * matches a "
                                + "prefix, e.g. vad.*); empty publishes all"))
                .param(MAX_EVENTS_PER_SEC, ParamSpec.integer().min(0).defaultValue(DEFAULT_MAX_EVENTS_PER_SEC)
                        .unit("events/s").describe("Events allowed per event type and second; 0 for no limit"));
        if (audioLevels) {
            schema.param(AUDIO_SAMPLE_INTERVAL_MS, ParamSpec.integer().min(0)
                    .defaultValue(DEFAULT_AUDIO_SAMPLE_INTERVAL_MS).unit("ms")
                    .describe("Audio time between audio.level events (needs Audio in packet_types); 0 disables them"));
        }
        return schema.build();
    }

    /** Reads validated {@code params}; without {@code audioLevels} the audio interval is 0. */
    static TelemetrySettings of(Params params, boolean audioLevels) {
        Set<String> types = strings(params.get(PACKET_TYPES), DEFAULT_PACKET_TYPES).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        EventTypeFilter filter = EventTypeFilter.of(strings(params.get(EVENT_TYPE_FILTER), List.of()));
        int max = Math.max(0, params.getInt(MAX_EVENTS_PER_SEC, DEFAULT_MAX_EVENTS_PER_SEC));
        long interval = audioLevels
                ? Math.max(0, params.getLong(AUDIO_SAMPLE_INTERVAL_MS, DEFAULT_AUDIO_SAMPLE_INTERVAL_MS)) : 0;
        return new TelemetrySettings(types, filter, max, interval);
    }

    /** Whether packets of {@code packet}'s kind are converted to events. */
    boolean selects(Packet packet) {
        return packetTypes.contains(kindName(packet));
    }

    /** StreamKit's name of a packet's kind, lower case. */
    static String kindName(Packet packet) {
        if (packet instanceof AudioFrame) return "audio";
        if (packet instanceof TranscriptionPacket) return "transcription";
        if (packet instanceof CustomPacket) return "custom";
        if (packet instanceof BinaryPacket) return "binary";
        if (packet instanceof TextPacket) return "text";
        return packet.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** The string items of a JSON array param, or {@code fallback} when it is absent; other items are skipped. */
    private static List<String> strings(Object value, List<String> fallback) {
        if (!(value instanceof List<?> items)) return fallback;
        return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
