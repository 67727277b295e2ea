package dev.streamkit.moq.wire;

/**
 * SUBSCRIBE, the first message of a subscribe stream: subscription id (chosen by the subscriber, unique per
 * session), broadcast path, track name and delivery options.
 */
public record Subscribe(long id, String broadcast, String track, Delivery delivery) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        writer.varint(id).string(broadcast).string(track);
        delivery.encode(writer, version);
    }

    public static Subscribe decode(WireReader reader, long version) throws ProtocolViolation {
        long id = reader.varint();
        String broadcast = reader.string();
        String track = reader.string();
        return new Subscribe(id, broadcast, track, Delivery.decode(reader, version));
    }
}
