package dev.streamkit.moq.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VarintTest {

    @Test
    void roundTripsEveryLengthBoundary() throws IOException {
        long[] values = {0, 63, 64, 16383, 16384, (1L << 30) - 1, 1L << 30, Varint.MAX};
        int[] sizes = {1, 1, 2, 2, 4, 4, 8, 8};
        for (int i = 0; i < values.length; i++) {
            byte[] encoded = Varint.encode(values[i]);
            assertEquals(sizes[i], encoded.length, "size of " + values[i]);
            assertEquals(values[i], Varint.read(new ByteArrayInputStream(encoded)));
            assertEquals(values[i], new WireReader(encoded).varint());
        }
    }

    @Test
    void refusesValuesOutsideTheRange() {
        assertThrows(IllegalArgumentException.class, () -> Varint.encode(-1));
        assertThrows(IllegalArgumentException.class, () -> Varint.encode(Varint.MAX + 1));
    }

    @Test
    void tellsACleanEndFromATruncatedVarint() throws IOException {
        assertEquals(-1, Varint.readOrEnd(new ByteArrayInputStream(new byte[0])));
        byte[] truncated = {(byte) 0x80, 0x01};
        assertThrows(EOFException.class, () -> Varint.readOrEnd(new ByteArrayInputStream(truncated)));
        assertThrows(ProtocolViolation.class, () -> new WireReader(truncated).varint());
    }
}
