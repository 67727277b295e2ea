package dev.streamkit.api.packet;

import java.util.List;
import java.util.Objects;

/**
 * The result of speech recognition: full text, timed segments and the detected language.
 *
 * @param text     the whole transcribed text
 * @param segments timed segments, in order
 * @param language ISO language code if known, else {@code null}
 * @param metadata timing metadata
 */
public record TranscriptionPacket(String text, List<Segment> segments, String language, PacketMetadata metadata)
        implements Packet {

    public TranscriptionPacket {
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        metadata = metadata == null ? PacketMetadata.NONE : metadata;
    }

    /**
     * One timed piece of a transcription.
     *
     * @param text        segment text
     * @param startTimeMs start, milliseconds from the stream start
     * @param endTimeMs   end, milliseconds from the stream start
     * @param confidence  recognizer confidence in [0, 1], or {@code null}
     */
    public record Segment(String text, long startTimeMs, long endTimeMs, Double confidence) {
    }
}
