package dev.streamkit.security.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal DER writer and header reader: enough to wrap private keys into PKCS#8 and to write a self-signed
 * certificate, as the JDK has no public API for either.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;
    static final int UTC_TIME = 0x17;

    private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

    private Der() {
    }

    static byte[] seq(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    static byte[] set(byte[]... parts) {
        return tlv(SET, concat(parts));
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] utf8(String text) {
        return tlv(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] utcTime(ZonedDateTime time) {
        return tlv(UTC_TIME, time.withZoneSameInstant(ZoneOffset.UTC).format(UTC_TIME_FORMAT).getBytes(StandardCharsets.US_ASCII));
    }

    /** A BIT STRING without unused bits. */
    static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1];
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(BIT_STRING, content);
    }

    /** An explicitly tagged, constructed context-specific value {@code [n]}. */
    static byte[] explicit(int n, byte[] inner) {
        return tlv(0xA0 | n, inner);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) content.writeBytes(part);
        return content.toByteArray();
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Returns {content offset, content length} of the TLV at {@code at}. */
    static int[] header(byte[] der, int at) throws GeneralSecurityException {
        if (at + 2 > der.length) throw new GeneralSecurityException("truncated DER");
        int length = der[at + 1] & 0xFF;
        int offset = at + 2;
        if (length > 0x80) {
            int bytes = length & 0x7F;
            if (bytes > 3 || offset + bytes > der.length) throw new GeneralSecurityException("bad DER length");
            length = 0;
            for (int i = 0; i < bytes; i++) length = (length << 8) | (der[offset++] & 0xFF);
        } else if (length == 0x80) {
            throw new GeneralSecurityException("indefinite DER length");
        }
        if (offset + length > der.length) throw new GeneralSecurityException("truncated DER");
        return new int[] {offset, length};
    }
}
