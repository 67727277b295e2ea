package dev.streamkit.moq.wire;

/**
 * ANNOUNCE_INTEREST, the first message of an announce stream: the prefix whose broadcasts the opener wants to
 * hear about; lite-04+ adds the hop id to leave out (loop prevention between relays).
 */
public record AnnounceInterest(String prefix, long excludeHop) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.string(prefix);
        if (version == MoqVersion.LITE_04) {
            writer.varint(excludeHop);
        }
    }

    public static AnnounceInterest decode(WireReader reader, long version) throws ProtocolViolation {
        String prefix = reader.string();
        long excludeHop = version == MoqVersion.LITE_04 ? reader.varint() : 0;
        return new AnnounceInterest(prefix, excludeHop);
    }
}
