package dev.streamkit.nodes.codecs.ogg;

/**
 * The Ogg page checksum: CRC-32 with polynomial 0x04C11DB7, initial value 0, no bit reflection and no
 * final XOR, computed over the whole page with the checksum field set to zero.
 */
final class OggCrc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            TABLE[i] = r;
        }
    }

    private OggCrc() {
    }

    /** Continues {@code crc} over {@code length} bytes of {@code data} from {@code offset}. */
    static int update(int crc, byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
        return crc;
    }

    /** The checksum of a page laid out in {@code page[offset, offset+length)}, treating bytes 22..25 as zero. */
    static int ofPage(byte[] page, int offset, int length) {
        int crc = update(0, page, offset, OggPage.CRC_OFFSET);
        crc = update(crc, new byte[4], 0, 4);
        int rest = OggPage.CRC_OFFSET + 4;
        return update(crc, page, offset + rest, length - rest);
    }
}
