package dev.streamkit.moq.hang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.moq.wire.ProtocolViolation;
import org.junit.jupiter.api.Test;

class LegacyFrameTest {

    @Test
    void roundTripsTimestampAndPayload() throws Exception {
        for (long micros : new long[] {0, 20_000, 3_600_000_000L}) {
            LegacyFrame frame = new LegacyFrame(micros, new byte[] {1, 2, 3});
            LegacyFrame decoded = LegacyFrame.decode(frame.encode());
            assertEquals(micros, decoded.timestampMicros());
            assertArrayEquals(new byte[] {1, 2, 3}, decoded.payload());
        }
    }

    @Test
    void anEmptyPayloadIsAMarker() throws Exception {
        assertTrue(LegacyFrame.decode(new LegacyFrame(40_000, new byte[0]).encode()).isMarker());
    }

    @Test
    void aFrameTooShortForItsTimestampIsRefused() {
        assertThrows(ProtocolViolation.class, () -> LegacyFrame.decode(new byte[0]));
        assertThrows(ProtocolViolation.class, () -> LegacyFrame.decode(new byte[] {(byte) 0xc0, 0}));
    }
}
