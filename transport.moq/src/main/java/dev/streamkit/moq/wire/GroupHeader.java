package dev.streamkit.moq.wire;

/** GROUP, after the 0x00 type byte of a group's uni stream: which subscription and which group sequence. */
public record GroupHeader(long subscribeId, long sequence) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(subscribeId).varint(sequence);
    }

    public static GroupHeader decode(WireReader reader) throws ProtocolViolation {
        return new GroupHeader(reader.varint(), reader.varint());
    }
}
