package dev.streamkit.moq.wire;

import java.util.ArrayList;
import java.util.List;

/** ANNOUNCE_INIT (lite-01/02 only): the suffixes active when the interest arrived, sent before any ANNOUNCE. */
public record AnnounceInit(List<String> suffixes) implements WireMessage {

    public AnnounceInit {
        suffixes = List.copyOf(suffixes);
    }

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(suffixes.size());
        suffixes.forEach(writer::string);
    }

    /** Decodes at most {@code maxCount} suffixes; more is {@link MoqErrorCode#BOUNDS_EXCEEDED}. */
    public static AnnounceInit decode(WireReader reader, int maxCount) throws ProtocolViolation {
        int count = reader.count(maxCount, "announce init count");
        List<String> suffixes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            suffixes.add(reader.string());
        }
        return new AnnounceInit(suffixes);
    }
}
