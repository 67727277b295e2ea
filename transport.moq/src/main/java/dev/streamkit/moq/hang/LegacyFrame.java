package dev.streamkit.moq.hang;

import dev.streamkit.moq.wire.ProtocolViolation;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.moq.wire.WireReader;

/**
 * One frame in hang's legacy container: a QUIC varint timestamp in microseconds, then the raw codec packet. An
 * empty packet is a marker (content stops at this timestamp) and carries nothing to decode.
 *
 * @param timestampMicros presentation time in µs, 0 to 2^62-1
 * @param payload         the codec packet, possibly empty
 */
public record LegacyFrame(long timestampMicros, byte[] payload) {

    /** Whether this frame is a marker rather than a packet. */
    public boolean isMarker() {
        return payload.length == 0;
    }

    /** The frame as it goes into a moq-lite frame. */
    public byte[] encode() {
        byte[] frame = new byte[Varint.size(timestampMicros) + payload.length];
        int offset = Varint.encode(timestampMicros, frame, 0);
        System.arraycopy(payload, 0, frame, offset, payload.length);
        return frame;
    }

    /** Splits a moq-lite frame; a frame too short for its timestamp is a {@link ProtocolViolation}. */
    public static LegacyFrame decode(byte[] frame) throws ProtocolViolation {
        WireReader reader = new WireReader(frame);
        long timestamp = reader.varint();
        return new LegacyFrame(timestamp, reader.rest());
    }
}
