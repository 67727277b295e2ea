package dev.streamkit.api.packet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The type of packets a pin produces or accepts, with StreamKit's compatibility rules.
 *
 * <pre>
 *   Any          matches everything, on either side
 *   Passthrough  "same as my input": resolved by the engine from the connected upstream
 *   RawAudio     sample_rate and channels match when equal or when either side is 0 (wildcard);
 *                sample_format must be equal
 *   Custom       type_id must be equal
 *   others       exact match of the kind
 * </pre>
 *
 * Instances are immutable values; use the constants and factories.
 */
public final class PacketType {

    /** The kinds of packet type, each with its StreamKit wire id. */
    public enum Kind {
        OPUS_AUDIO("OpusAudio"), TEXT("Text"), TRANSCRIPTION("Transcription"), BINARY("Binary"),
        ANY("Any"), PASSTHROUGH("Passthrough"), RAW_AUDIO("RawAudio"), CUSTOM("Custom");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** StreamKit's identifier of the kind, as used in JSON. */
        public String id() {
            return id;
        }
    }

    public static final PacketType OPUS_AUDIO = new PacketType(Kind.OPUS_AUDIO, 0, 0, null, null);
    public static final PacketType TEXT = new PacketType(Kind.TEXT, 0, 0, null, null);
    public static final PacketType TRANSCRIPTION = new PacketType(Kind.TRANSCRIPTION, 0, 0, null, null);
    public static final PacketType BINARY = new PacketType(Kind.BINARY, 0, 0, null, null);
    public static final PacketType ANY = new PacketType(Kind.ANY, 0, 0, null, null);
    public static final PacketType PASSTHROUGH = new PacketType(Kind.PASSTHROUGH, 0, 0, null, null);
    /** Raw f32 audio of any rate and channel count. */
    public static final PacketType RAW_AUDIO_ANY = rawAudio(0, 0);

    private final Kind kind;
    private final int sampleRate;
    private final int channels;
    private final SampleFormat sampleFormat;
    private final String customTypeId;

    private PacketType(Kind kind, int sampleRate, int channels, SampleFormat sampleFormat, String customTypeId) {
        this.kind = kind;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.sampleFormat = sampleFormat;
        this.customTypeId = customTypeId;
    }

    /** Raw f32 audio; 0 for either field is a wildcard. */
    public static PacketType rawAudio(int sampleRate, int channels) {
        return rawAudio(sampleRate, channels, SampleFormat.F32);
    }

    /** Raw audio with an explicit sample format; 0 for rate or channels is a wildcard. */
    public static PacketType rawAudio(int sampleRate, int channels, SampleFormat format) {
        if (sampleRate < 0 || channels < 0) throw new IllegalArgumentException("negative audio format field");
        return new PacketType(Kind.RAW_AUDIO, sampleRate, channels, Objects.requireNonNull(format), null);
    }

    /** A custom JSON payload type such as {@code core::telemetry/event@1}. */
    public static PacketType custom(String typeId) {
        return new PacketType(Kind.CUSTOM, 0, 0, null, Objects.requireNonNull(typeId));
    }

    public Kind kind() {
        return kind;
    }

    /** Sample rate of a RawAudio type (0 = any); 0 for other kinds. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Channel count of a RawAudio type (0 = any); 0 for other kinds. */
    public int channels() {
        return channels;
    }

    /** Sample format of a RawAudio type, {@code null} for other kinds. */
    public SampleFormat sampleFormat() {
        return sampleFormat;
    }

    /** Type id of a Custom type, {@code null} for other kinds. */
    public String customTypeId() {
        return customTypeId;
    }

    /** Whether packets of output type {@code output} may flow into an input accepting {@code input}. */
    public static boolean canConnect(PacketType output, PacketType input) {
        if (output.kind == Kind.ANY || input.kind == Kind.ANY) return true;
        if (output.kind != input.kind) return false;
        return switch (output.kind) {
            case RAW_AUDIO -> fieldMatches(output.sampleRate, input.sampleRate)
                    && fieldMatches(output.channels, input.channels)
                    && output.sampleFormat == input.sampleFormat;
            case CUSTOM -> output.customTypeId.equals(input.customTypeId);
            default -> true;
        };
    }

    private static boolean fieldMatches(int a, int b) {
        return a == b || a == 0 || b == 0;
    }

    /**
     * StreamKit's externally tagged JSON form: a string for unit kinds ({@code "OpusAudio"}), or a
     * single-key map ({@code {"RawAudio": {...}}}, {@code {"Custom": {"type_id": ...}}}).
     */
    public Object toJson() {
        return switch (kind) {
            case RAW_AUDIO -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("sample_rate", sampleRate);
                fields.put("channels", channels);
                fields.put("sample_format", sampleFormat.wireName());
                yield Map.of("RawAudio", fields);
            }
            case CUSTOM -> Map.of("Custom", Map.of("type_id", customTypeId));
            default -> kind.id();
        };
    }

    /** A short human-readable form used in error messages, e.g. {@code RawAudio(48000Hz, 1ch, F32)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case RAW_AUDIO -> "RawAudio(" + (sampleRate == 0 ? "*" : sampleRate) + "Hz, "
                    + (channels == 0 ? "*" : channels) + "ch, " + sampleFormat.wireName() + ")";
            case CUSTOM -> "Custom(" + customTypeId + ")";
            default -> kind.id();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketType t && t.kind == kind && t.sampleRate == sampleRate && t.channels == channels
                && t.sampleFormat == sampleFormat && Objects.equals(t.customTypeId, customTypeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, sampleRate, channels, sampleFormat, customTypeId);
    }
}
