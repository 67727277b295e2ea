package dev.streamkit.moq.wire;

/** GOAWAY (lite-04+): the sender is shutting down; reconnect to {@code uri} (empty: the same place). */
public record Goaway(String uri) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.string(uri);
    }

    public static Goaway decode(WireReader reader) throws ProtocolViolation {
        return new Goaway(reader.string());
    }
}
