package dev.streamkit.quic.kwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.WebTransportAcceptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pure parts: varints, capsules, subprotocol lists, query strings, acceptor matching. */
class WireHelpersTest {

    @Test
    void varintsRoundTrip() throws IOException {
        for (long value : new long[] {0, 63, 64, 16_383, 16_384, (1L << 30) - 1, 1L << 30, (1L << 62) - 1}) {
            byte[] encoded = WireFormat.varint(value);
            assertEquals(value, WireFormat.readVarint(new ByteArrayInputStream(encoded)));
        }
        assertThrows(IllegalArgumentException.class, () -> WireFormat.varint(1L << 62));
    }

    @Test
    void capsulesCarryCodeAndReasonAndSkipUnknownTypes() throws IOException {
        byte[] unknown = concat(WireFormat.varint(0x78ae), WireFormat.varint(3), new byte[] {1, 2, 3});
        byte[] close = SessionCapsules.close(0xFFFF_FFFFL, "bye");
        SessionClose read = SessionCapsules.awaitClose(new ByteArrayInputStream(concat(unknown, close)));
        assertEquals(new SessionClose(0xFFFF_FFFFL, "bye", true), read);
        assertEquals(new SessionClose(0, "", true), SessionCapsules.awaitClose(new ByteArrayInputStream(new byte[0])));
        byte[] huge = concat(WireFormat.varint(0x1234), WireFormat.varint(1 << 20));
        assertThrows(IOException.class, () -> SessionCapsules.awaitClose(new ByteArrayInputStream(huge)));
    }

    @Test
    void aLongReasonIsCutOnACharacterBoundary() throws IOException {
        String reason = "é".repeat(600); // 1200 bytes
        SessionClose read = SessionCapsules.awaitClose(new ByteArrayInputStream(SessionCapsules.close(1, reason)));
        assertEquals(512, read.reason().length());
    }

    @Test
    void protocolListsParseStructuredFieldsAndTokens() {
        assertEquals(List.of("moq-lite-04", "moq-lite-03", "moql"),
                ProtocolLists.parse("\"moq-lite-04\", \"moq-lite-03\",\"moql\""));
        assertEquals(List.of("a", "b\"c"), ProtocolLists.parse("a;q=1, \"b\\\"c\""));
        assertEquals(List.of(), ProtocolLists.parse(null));
        assertEquals(List.of("ok"), ProtocolLists.parse("\"ok\", \"unterminated"));
        assertEquals(List.of("x y"), ProtocolLists.parse(ProtocolLists.format(List.of("x y"))));
    }

    @Test
    void queriesAreSplitAndDecoded() {
        assertEquals("/moq/a", QueryStrings.path("/moq/a?jwt=x#frag"));
        assertEquals("/", QueryStrings.path("?a=1"));
        Map<String, List<String>> query = QueryStrings.parameters("/p?jwt=a%2Bb+c&x=1&x=2&flag&bad=%zz");
        assertEquals(List.of("a+b c"), query.get("jwt"));
        assertEquals(List.of("1", "2"), query.get("x"));
        assertEquals(List.of(""), query.get("flag"));
        assertEquals(List.of("%zz"), query.get("bad"));
        assertTrue(QueryStrings.parameters("/p").isEmpty());
        assertEquals(QueryStrings.MAX_PARAMETERS, QueryStrings.parameters("/p?" + "a=1&".repeat(1000)).get("a").size());
    }

    @Test
    void theLongestSegmentPrefixWins() {
        AcceptorRegistry registry = new AcceptorRegistry();
        WebTransportAcceptor root = request -> new CompletableFuture<>();
        WebTransportAcceptor moq = request -> new CompletableFuture<>();
        WebTransportAcceptor input = request -> new CompletableFuture<>();
        registry.add(moq, "/moq/");
        assertTrue(registry.find("/moq2").isEmpty());
        assertEquals(moq, registry.find("/moq").orElseThrow());
        assertEquals(moq, registry.find("/moq/a/b").orElseThrow());
        registry.add(input, "moq/a");
        registry.add(root, "/");
        assertEquals(input, registry.find("/moq/a/b").orElseThrow());
        assertEquals(moq, registry.find("/moq/ab").orElseThrow());
        assertEquals(root, registry.find("/elsewhere").orElseThrow());
        registry.remove(root);
        assertFalse(registry.find("/elsewhere").isPresent());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) out.writeBytes(part);
        return out.toByteArray();
    }
}
