package dev.streamkit.moq.wire;

/** SUBSCRIBE_UPDATE, sent by the subscriber on its subscribe stream after SUBSCRIBE to change delivery. */
public record SubscribeUpdate(Delivery delivery) implements WireMessage {

    @Override
    public void encode(WireWriter writer, long version) {
        delivery.encode(writer, version);
    }

    public static SubscribeUpdate decode(WireReader reader, long version) throws ProtocolViolation {
        return new SubscribeUpdate(Delivery.decode(reader, version));
    }
}
