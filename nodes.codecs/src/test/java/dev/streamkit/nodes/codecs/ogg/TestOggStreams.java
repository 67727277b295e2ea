package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.opusformat.TestOpusPackets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds Ogg streams for tests (through the muxer, or page by page, damaged on purpose) and runs nodes. */
final class TestOggStreams {

    private TestOggStreams() {
    }

    /** The Ogg file the muxer writes for {@code packets} (serial 0, mono). */
    static byte[] mux(List<byte[]> packets) throws Exception {
        return mux(packets, 0, 1, 65_536);
    }

    static byte[] mux(List<byte[]> packets, int serial, int channels, int chunkSize) throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        OggMuxerNode muxer = new OggMuxerNode(serial, channels, chunkSize);
        for (BinaryPacket p : TestOpusPackets.asBinary(packets)) muxer.onPacket("in", p, out);
        muxer.onInputEnd("in", out);
        return concat(out.packets(BinaryPacket.class));
    }

    /** Feeds {@code bytes} in pieces of {@code pieceSize} and ends the input. */
    static RecordingOutputs run(Node node, byte[] bytes, int pieceSize) throws Exception {
        RecordingOutputs out = new RecordingOutputs();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            node.onPacket("in", BinaryPacket.of(Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + pieceSize))), out);
        }
        node.onInputEnd("in", out);
        return out;
    }

    static byte[] concat(List<BinaryPacket> packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (BinaryPacket p : packets) all.writeBytes(p.data());
        return all.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) all.writeBytes(p);
        return all.toByteArray();
    }

    /** The payloads of the packets a node sent. */
    static List<byte[]> payloads(RecordingOutputs out) {
        return out.packets(BinaryPacket.class).stream().map(BinaryPacket::data).toList();
    }

    /** Start offsets of the pages in a well-formed stream. */
    static List<Integer> pageOffsets(byte[] stream) {
        List<Integer> offsets = new ArrayList<>();
        int at = 0;
        while (at + OggPage.HEADER_SIZE <= stream.length) {
            offsets.add(at);
            int segments = stream[at + 26] & 0xFF;
            int body = 0;
            for (int i = 0; i < segments; i++) body += stream[at + OggPage.HEADER_SIZE + i] & 0xFF;
            at += OggPage.HEADER_SIZE + segments + body;
        }
        return offsets;
    }

    /** One page with the given segment table and body and a correct checksum. */
    static byte[] page(int flags, long granule, int serial, int sequence, byte[] lacing, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(OggPage.HEADER_SIZE + lacing.length + body.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'O', 'g', 'g', 'S', 0}).put((byte) flags).putLong(granule).putInt(serial).putInt(sequence)
                .putInt(0).put((byte) lacing.length).put(lacing).put(body);
        byte[] page = b.array();
        ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).putInt(OggPage.CRC_OFFSET, OggCrc.ofPage(page, 0, page.length));
        return page;
    }

    /** A page holding whole {@code packets}. */
    static byte[] pageOf(int flags, long granule, int serial, int sequence, byte[]... packets) {
        ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            for (int n = p.length; ; n -= 255) {
                lacing.write(Math.min(255, n));
                if (n < 255) break;
            }
        }
        return page(flags, granule, serial, sequence, lacing.toByteArray(), concat(packets));
    }
}
