package dev.streamkit.moq.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The publisher's answers on a subscribe stream. lite-01/02: a bare SUBSCRIBE_OK (lite-01: priority u8,
 * lite-02: empty). lite-03+: a varint type, 0 = SUBSCRIBE_OK (full delivery options), 1 = SUBSCRIBE_DROP.
 */
public sealed interface SubscribeResponse {

    /** The subscription is accepted. */
    record Ok(Delivery delivery) implements SubscribeResponse, WireMessage {
        @Override
        public void encode(WireWriter writer, long version) {
            if (version == MoqVersion.LITE_01) {
                writer.u8(delivery.priority());
            } else if (version != MoqVersion.LITE_02) {
                delivery.encode(writer, version);
            }
        }

        public static Ok decode(WireReader reader, long version) throws ProtocolViolation {
            if (version == MoqVersion.LITE_02) {
                return new Ok(Delivery.ofPriority(0));
            }
            if (version == MoqVersion.LITE_01) {
                return new Ok(Delivery.ofPriority(reader.u8()));
            }
            return new Ok(Delivery.decode(reader, version));
        }
    }

    /** Groups {@code start}..{@code end} were dropped with {@code errorCode} (lite-03+). */
    record Drop(long start, long end, long errorCode) implements SubscribeResponse, WireMessage {
        @Override
        public void encode(WireWriter writer, long version) {
            writer.varint(start).varint(end).varint(errorCode);
        }

        public static Drop decode(WireReader reader) throws ProtocolViolation {
            return new Drop(reader.varint(), reader.varint(), reader.varint());
        }
    }

    /** Type tag of SUBSCRIBE_OK (lite-03+). */
    long TYPE_OK = 0;
    /** Type tag of SUBSCRIBE_DROP (lite-03+). */
    long TYPE_DROP = 1;

    /** Writes {@code response} as {@code version} frames it. */
    static void write(OutputStream out, SubscribeResponse response, long version) throws IOException {
        if (MoqVersion.isSetupEra(version)) {
            if (!(response instanceof Ok ok)) {
                throw new IllegalArgumentException("SUBSCRIBE_DROP does not exist in " + MoqVersion.name(version));
            }
            MessageIo.write(out, ok, version);
            return;
        }
        Varint.write(out, response instanceof Ok ? TYPE_OK : TYPE_DROP);
        MessageIo.write(out, (WireMessage) response, version);
    }

    /** Reads the next response; {@code null} when the stream ended cleanly before it. */
    static SubscribeResponse readOrEnd(InputStream in, long version, int maxSize) throws IOException {
        if (MoqVersion.isSetupEra(version)) {
            return MessageIo.readOrEnd(in, maxSize, reader -> Ok.decode(reader, version));
        }
        long type = Varint.readOrEnd(in);
        if (type < 0) {
            return null;
        }
        if (type == TYPE_OK) {
            return MessageIo.read(in, maxSize, reader -> Ok.decode(reader, version));
        }
        if (type == TYPE_DROP) {
            return MessageIo.read(in, maxSize, Drop::decode);
        }
        throw new ProtocolViolation(MoqErrorCode.UNEXPECTED_MESSAGE, "unknown subscribe response type " + type);
    }
}
