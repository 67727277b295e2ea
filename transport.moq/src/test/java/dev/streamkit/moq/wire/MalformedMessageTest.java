package dev.streamkit.moq.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MalformedMessageTest {

    static final long V3 = MoqVersion.LITE_03;

    @Test
    void trailingBytesAreAWrongSize() {
        byte[] body = new WireWriter().string("a").u8(0).toByteArray();
        assertCode(MoqErrorCode.WRONG_SIZE, sized(body), r -> AnnounceInterest.decode(r, V3));
    }

    @Test
    void truncatedBodiesAreDecodeErrors() {
        byte[] body = new WireWriter().varint(1).string("output").toByteArray();
        assertCode(MoqErrorCode.DECODE, sized(body), r -> Subscribe.decode(r, V3));
    }

    @Test
    void aBooleanOtherThanZeroOrOneIsRefused() {
        byte[] body = new WireWriter().u8(2).string("x").varint(0).toByteArray();
        assertCode(MoqErrorCode.DECODE, sized(body), r -> Announce.decode(r, V3));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = new WireWriter().varint(2).bytes(new byte[] {(byte) 0xc3, 0x28}).toByteArray();
        assertCode(MoqErrorCode.DECODE, sized(body), r -> AnnounceInterest.decode(r, V3));
    }

    @Test
    void stringsAndCountsAreCapped() {
        byte[] longString = new byte[WireReader.MAX_STRING_BYTES + 1];
        Arrays.fill(longString, (byte) 'a');
        byte[] body = new WireWriter().varint(longString.length).bytes(longString).toByteArray();
        assertCode(MoqErrorCode.BOUNDS_EXCEEDED, sized(body), r -> AnnounceInterest.decode(r, V3), 1 << 16);
        byte[] hops = new WireWriter().bool(true).string("x").varint(Announce.MAX_HOPS + 1).toByteArray();
        assertCode(MoqErrorCode.BOUNDS_EXCEEDED, sized(hops), r -> Announce.decode(r, V3));
        byte[] versions = new WireWriter().varint(ClientSetup.MAX_VERSIONS + 1).toByteArray();
        assertCode(MoqErrorCode.BOUNDS_EXCEEDED, sized(versions), ClientSetup::decode);
        byte[] parameters = new WireWriter().varint(0).varint(SetupParameters.MAX_COUNT + 1).toByteArray();
        assertCode(MoqErrorCode.TOO_MANY_PARAMETERS, sized(parameters), ClientSetup::decode);
    }

    @Test
    void duplicateSetupParametersAreRefused() {
        byte[] body = new WireWriter().varint(1).varint(MoqVersion.LITE_02).varint(2)
                .varint(2).varint(1).varint(2).varint(5).toByteArray();
        assertCode(MoqErrorCode.DUPLICATE, sized(body), ClientSetup::decode);
    }

    @Test
    void aDeclaredSizeAboveTheCapIsRefusedBeforeReading() {
        byte[] header = new WireWriter().varint(1 << 20).toByteArray();
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> MessageIo.read(new ByteArrayInputStream(header), 4096, GroupHeader::decode));
        assertEquals(MoqErrorCode.BOUNDS_EXCEEDED, violation.errorCode());
    }

    @Test
    void aStreamEndingInsideAMessageIsAnEof() {
        byte[] cut = new WireWriter().varint(10).u8(1).toByteArray();
        assertThrows(EOFException.class, () -> MessageIo.read(new ByteArrayInputStream(cut), 4096, GroupHeader::decode));
    }

    @Test
    void anUnknownSubscribeResponseTypeIsUnexpected() {
        byte[] bytes = new WireWriter().varint(7).varint(0).toByteArray();
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> SubscribeResponse.readOrEnd(new ByteArrayInputStream(bytes), V3, 4096));
        assertEquals(MoqErrorCode.UNEXPECTED_MESSAGE, violation.errorCode());
    }

    private static byte[] sized(byte[] body) {
        return new WireWriter().varint(body.length).bytes(body).toByteArray();
    }

    private static void assertCode(long code, byte[] message, MessageIo.Decoder<?> decoder) {
        assertCode(code, message, decoder, 4096);
    }

    private static void assertCode(long code, byte[] message, MessageIo.Decoder<?> decoder, int maxSize) {
        ProtocolViolation violation = assertThrows(ProtocolViolation.class,
                () -> MessageIo.read(new ByteArrayInputStream(message), maxSize, decoder));
        assertEquals(code, violation.errorCode(), violation.getMessage());
    }
}
