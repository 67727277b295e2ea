package dev.streamkit.moq.wire;

/**
 * How a subscription wants its groups delivered, as SUBSCRIBE, SUBSCRIBE_OK and SUBSCRIBE_UPDATE carry it
 * (lite-03+: priority u8, ordered bool, max latency ms, start group + 1, end group + 1; lite-01/02: priority
 * only).
 *
 * @param priority   0-255, higher first
 * @param ordered    deliver groups in sequence order rather than newest first
 * @param maxLatency how old a group may get before it is dropped, in ms (0 = unbounded)
 * @param startGroup first group wanted, or {@link #UNSET}
 * @param endGroup   last group wanted, or {@link #UNSET}
 */
public record Delivery(int priority, boolean ordered, long maxLatency, long startGroup, long endGroup) {

    /** No start or end group. */
    public static final long UNSET = -1;

    public Delivery {
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
    }

    /** Just a priority, everything else unset. */
    public static Delivery ofPriority(int priority) {
        return new Delivery(priority, false, 0, UNSET, UNSET);
    }

    void encode(WireWriter writer, long version) {
        writer.u8(priority);
        if (!MoqVersion.isSetupEra(version)) {
            writer.bool(ordered).varint(maxLatency).varint(startGroup + 1).varint(endGroup + 1);
        }
    }

    static Delivery decode(WireReader reader, long version) throws ProtocolViolation {
        int priority = reader.u8();
        if (MoqVersion.isSetupEra(version)) {
            return ofPriority(priority);
        }
        boolean ordered = reader.bool();
        long maxLatency = reader.varint();
        long start = reader.varint() - 1;
        long end = reader.varint() - 1;
        return new Delivery(priority, ordered, maxLatency, start, end);
    }
}
