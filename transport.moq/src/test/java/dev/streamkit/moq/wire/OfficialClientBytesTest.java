package dev.streamkit.moq.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Decodes the bytes the official JavaScript client's encoders produce (recorded in
 * {@code wire/moq-lite-js-0.2.2.txt}) and checks that encoding the result again gives the same bytes.
 */
class OfficialClientBytesTest {

    static final int MAX = 4096;
    static final Map<String, Long> VERSIONS = Map.of("lite01", MoqVersion.LITE_01, "lite02", MoqVersion.LITE_02,
            "lite03", MoqVersion.LITE_03, "lite04", MoqVersion.LITE_04, "setup", MoqVersion.LITE_02);

    @Test
    void decodesAndReencodesEveryRecordedMessage() throws IOException {
        List<String[]> rows = rows();
        assertEquals(Set.of("announce_interest", "announce", "announce_init", "subscribe", "subscribe_ok",
                "subscribe_drop", "probe", "goaway", "group", "client_setup", "server_setup"),
                rows.stream().map(row -> row[1]).collect(Collectors.toSet()),
                "the recording has every message");
        for (String[] row : rows) {
            long version = VERSIONS.get(row[0]);
            byte[] recorded = HexFormat.of().parseHex(row[2]);
            byte[] again = reencode(row[1], version, new ByteArrayInputStream(recorded));
            assertEquals(row[2], HexFormat.of().formatHex(again), row[0] + " " + row[1]);
        }
    }

    @Test
    void theRecordedSetupOffersLiteVersionsAndTheImplementation() throws IOException {
        String hex = rows().stream().filter(row -> row[1].equals("client_setup")).findFirst().orElseThrow()[2];
        InputStream in = new ByteArrayInputStream(HexFormat.of().parseHex(hex));
        assertEquals(StreamType.CLIENT_SETUP, Varint.read(in));
        ClientSetup setup = MessageIo.readU16(in, MAX, ClientSetup::decode);
        assertEquals(List.of(MoqVersion.LITE_02, MoqVersion.LITE_01, MoqVersion.IETF_DRAFT_14), setup.versions());
        assertEquals("moq-lite-js", new String(setup.parameters().blobs().get(SetupParameters.IMPLEMENTATION),
                StandardCharsets.UTF_8));
    }

    private static byte[] reencode(String message, long version, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (message) {
            case "announce_interest" -> MessageIo.write(out,
                    MessageIo.read(in, MAX, r -> AnnounceInterest.decode(r, version)), version);
            case "announce" -> MessageIo.write(out, MessageIo.read(in, MAX, r -> Announce.decode(r, version)), version);
            case "announce_init" -> MessageIo.write(out, MessageIo.read(in, MAX, r -> AnnounceInit.decode(r, 16)),
                    version);
            case "subscribe" -> MessageIo.write(out, MessageIo.read(in, MAX, r -> Subscribe.decode(r, version)),
                    version);
            case "subscribe_ok", "subscribe_drop" -> {
                SubscribeResponse response = SubscribeResponse.readOrEnd(in, version, MAX);
                assertNotNull(response);
                SubscribeResponse.write(out, response, version);
            }
            case "probe" -> MessageIo.write(out, MessageIo.read(in, MAX, r -> Probe.decode(r, version)), version);
            case "goaway" -> MessageIo.write(out, MessageIo.read(in, MAX, Goaway::decode), version);
            case "group" -> MessageIo.write(out, MessageIo.read(in, MAX, GroupHeader::decode), version);
            case "client_setup" -> {
                Varint.write(out, Varint.read(in));
                MessageIo.writeU16(out, MessageIo.readU16(in, MAX, ClientSetup::decode), version);
            }
            case "server_setup" -> {
                Varint.write(out, Varint.read(in));
                MessageIo.writeU16(out, MessageIo.readU16(in, MAX, ServerSetup::decode), version);
            }
            default -> throw new AssertionError("unknown recorded message " + message);
        }
        assertEquals(-1, in.read(), message + " consumed exactly");
        return out.toByteArray();
    }

    private static List<String[]> rows() throws IOException {
        try (InputStream in = OfficialClientBytesTest.class.getResourceAsStream("/wire/moq-lite-js-0.2.2.txt")) {
            assertNotNull(in, "recording on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" "))
                    .toList();
        }
    }
}
