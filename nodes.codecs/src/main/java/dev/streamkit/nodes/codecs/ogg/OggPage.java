package dev.streamkit.nodes.codecs.ogg;

/**
 * One verified Ogg page (RFC 3533): header fields, the lacing values of its segment table and its body.
 * The arrays are owned by the page; callers must not modify them.
 *
 * <pre>
 *  0      4  5     6         14       18         22    26    27          27+n
 *  "OggS" v  flags granule   serial   sequence   crc   n     lacing[n]   body (sum of lacing)
 * </pre>
 *
 * @param flags    header type: {@link #CONTINUED}, {@link #BOS}, {@link #EOS}
 * @param granule  codec position after the last packet completed on the page; -1 when none completes
 * @param serial   logical bitstream serial number
 * @param sequence page sequence number within the logical stream (unsigned 32-bit)
 * @param lacing   segment table, one byte per segment
 * @param body     concatenated segments
 */
record OggPage(int flags, long granule, int serial, long sequence, byte[] lacing, byte[] body) {

    static final int CONTINUED = 0x01;
    static final int BOS = 0x02;
    static final int EOS = 0x04;
    static final int HEADER_SIZE = 27;
    static final int CRC_OFFSET = 22;
    static final int MAX_SEGMENTS = 255;
    /** 27 header bytes + 255 lacing values + 255 segments of 255 bytes. */
    static final int MAX_PAGE_SIZE = HEADER_SIZE + MAX_SEGMENTS + MAX_SEGMENTS * 255;

    boolean isContinued() {
        return (flags & CONTINUED) != 0;
    }

    boolean isBos() {
        return (flags & BOS) != 0;
    }

    boolean isEos() {
        return (flags & EOS) != 0;
    }
}
