package dev.streamkit.moq.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * ANNOUNCE: a broadcast under the interest's prefix became active or inactive. lite-03 adds a hop count,
 * lite-04 the hop ids themselves (the relays the announcement passed through).
 */
public record Announce(boolean active, String suffix, List<Long> hops) implements WireMessage {

    /** The most hops accepted, as the reference clients cap it. */
    public static final int MAX_HOPS = 256;

    public Announce {
        hops = List.copyOf(hops);
    }

    /** An announcement with no hops. */
    public Announce(boolean active, String suffix) {
        this(active, suffix, List.of());
    }

    @Override
    public void encode(WireWriter writer, long version) {
        writer.bool(active).string(suffix);
        if (version == MoqVersion.LITE_03) {
            writer.varint(hops.size());
        } else if (version == MoqVersion.LITE_04) {
            writer.varint(hops.size());
            hops.forEach(writer::varint);
        }
    }

    public static Announce decode(WireReader reader, long version) throws ProtocolViolation {
        boolean active = reader.bool();
        String suffix = reader.string();
        List<Long> hops = new ArrayList<>();
        if (version == MoqVersion.LITE_03) {
            int count = reader.count(MAX_HOPS, "hop count");
            for (int i = 0; i < count; i++) {
                hops.add(0L);
            }
        } else if (version == MoqVersion.LITE_04) {
            int count = reader.count(MAX_HOPS, "hop count");
            for (int i = 0; i < count; i++) {
                hops.add(reader.varint());
            }
        }
        return new Announce(active, suffix, hops);
    }
}
