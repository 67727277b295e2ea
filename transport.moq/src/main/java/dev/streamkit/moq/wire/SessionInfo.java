package dev.streamkit.moq.wire;

/** SESSION_INFO on the lite-01/02 session stream: the sender's estimated bitrate (informational). */
public record SessionInfo(long bitrate) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(bitrate);
    }

    public static SessionInfo decode(WireReader reader) throws ProtocolViolation {
        return new SessionInfo(reader.varint());
    }
}
