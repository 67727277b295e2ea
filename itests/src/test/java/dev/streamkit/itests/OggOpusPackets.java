package dev.streamkit.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The Opus packets of a single-stream Ogg Opus file (as ffmpeg writes one), in order, without the
 * {@code OpusHead} and {@code OpusTags} header packets. Pages are read by their lacing values; the CRC is not
 * checked (the file is the test's own).
 */
final class OggOpusPackets {

    private static final int HEADER_BYTES = 27;
    private static final int HEADER_PACKETS = 2;

    private OggOpusPackets() {
    }

    static List<byte[]> of(byte[] ogg) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        ByteBuffer in = ByteBuffer.wrap(ogg).order(ByteOrder.LITTLE_ENDIAN);
        while (in.remaining() >= HEADER_BYTES) {
            if (in.getInt(in.position()) != 0x5367674f) throw new IOException("no Ogg page at byte " + in.position());
            int segments = Byte.toUnsignedInt(in.get(in.position() + HEADER_BYTES - 1));
            int lacing = in.position() + HEADER_BYTES;
            int data = lacing + segments;
            for (int i = 0; i < segments; i++) {
                int length = Byte.toUnsignedInt(ogg[lacing + i]);
                packet.write(ogg, data, length);
                data += length;
                if (length < 255) {
                    packets.add(packet.toByteArray());
                    packet.reset();
                }
            }
            in.position(data);
        }
        if (packets.size() <= HEADER_PACKETS) throw new IOException("no Opus audio packet in the file");
        return packets.subList(HEADER_PACKETS, packets.size());
    }
}
