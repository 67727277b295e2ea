package dev.streamkit.moq.wire;

/** PROBE (lite-03+): the publisher's bitrate estimate for the subscriber; lite-04 adds the RTT in ms (0 = unknown). */
public record Probe(long bitrate, long rttMillis) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(bitrate);
        if (version == MoqVersion.LITE_04) {
            writer.varint(rttMillis);
        }
    }

    public static Probe decode(WireReader reader, long version) throws ProtocolViolation {
        long bitrate = reader.varint();
        return new Probe(bitrate, version == MoqVersion.LITE_04 ? reader.varint() : 0);
    }
}
