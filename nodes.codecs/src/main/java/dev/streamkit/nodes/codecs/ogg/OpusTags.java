package dev.streamkit.nodes.codecs.ogg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** The Opus comment header (RFC 7845 §5.2) StreamKit/J writes: a vendor string and no comments. */
final class OpusTags {

    static final String VENDOR = "StreamKit/J";

    private OpusTags() {
    }

    static byte[] withVendor(String vendor) {
        byte[] v = vendor.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + 4 + v.length + 4).order(ByteOrder.LITTLE_ENDIAN)
                .put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(v.length).put(v).putInt(0).array();
    }
}
