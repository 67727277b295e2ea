package dev.streamkit.moq.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRoundTripTest {

    static final int MAX = 4096;

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_01, MoqVersion.LITE_02, MoqVersion.LITE_03, MoqVersion.LITE_04})
    void announceMessagesRoundTrip(long version) throws IOException {
        AnnounceInterest interest = new AnnounceInterest("rooms/a", version == MoqVersion.LITE_04 ? 7 : 0);
        assertEquals(interest, roundTrip(interest, version, r -> AnnounceInterest.decode(r, version)));
        List<Long> hops = version == MoqVersion.LITE_04 ? List.of(3L, 9L)
                : version == MoqVersion.LITE_03 ? List.of(0L, 0L) : List.of();
        Announce announce = new Announce(true, "input", hops);
        assertEquals(announce, roundTrip(announce, version, r -> Announce.decode(r, version)));
        Announce withdrawn = new Announce(false, "ö/π", List.of());
        assertEquals(withdrawn, roundTrip(withdrawn, version, r -> Announce.decode(r, version)));
    }

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_01, MoqVersion.LITE_02})
    void announceInitRoundTrips(long version) throws IOException {
        AnnounceInit init = new AnnounceInit(List.of("a", "b/c", ""));
        assertEquals(init, roundTrip(init, version, r -> AnnounceInit.decode(r, 16)));
    }

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_01, MoqVersion.LITE_02, MoqVersion.LITE_03, MoqVersion.LITE_04})
    void subscribeMessagesRoundTrip(long version) throws IOException {
        Delivery delivery = MoqVersion.isSetupEra(version) ? Delivery.ofPriority(80)
                : new Delivery(80, true, 250, 4, Delivery.UNSET);
        Subscribe subscribe = new Subscribe(Varint.MAX, "output", "audio/data", delivery);
        assertEquals(subscribe, roundTrip(subscribe, version, r -> Subscribe.decode(r, version)));
        SubscribeUpdate update = new SubscribeUpdate(delivery);
        assertEquals(update, roundTrip(update, version, r -> SubscribeUpdate.decode(r, version)));
        assertEquals(GroupHeader.class, roundTrip(new GroupHeader(5, 1 << 20), version, GroupHeader::decode).getClass());
    }

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_01, MoqVersion.LITE_02, MoqVersion.LITE_03, MoqVersion.LITE_04})
    void subscribeResponsesRoundTripWithTheirVersionFraming(long version) throws IOException {
        SubscribeResponse.Ok ok = new SubscribeResponse.Ok(MoqVersion.isSetupEra(version) ? Delivery.ofPriority(
                version == MoqVersion.LITE_01 ? 80 : 0) : new Delivery(80, false, 0, Delivery.UNSET, 9));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SubscribeResponse.write(out, ok, version);
        if (!MoqVersion.isSetupEra(version)) {
            SubscribeResponse.write(out, new SubscribeResponse.Drop(3, 5, 13), version);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertEquals(ok, SubscribeResponse.readOrEnd(in, version, MAX));
        if (!MoqVersion.isSetupEra(version)) {
            assertEquals(new SubscribeResponse.Drop(3, 5, 13), SubscribeResponse.readOrEnd(in, version, MAX));
        }
        assertNull(SubscribeResponse.readOrEnd(in, version, MAX));
    }

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_03, MoqVersion.LITE_04})
    void probeAndGoawayRoundTrip(long version) throws IOException {
        Probe probe = new Probe(64000, version == MoqVersion.LITE_04 ? 12 : 0);
        assertEquals(probe, roundTrip(probe, version, r -> Probe.decode(r, version)));
        assertEquals(new Goaway("https://elsewhere/moq"),
                roundTrip(new Goaway("https://elsewhere/moq"), version, Goaway::decode));
        assertEquals(new SessionInfo(1234), roundTrip(new SessionInfo(1234), version, SessionInfo::decode));
    }

    @ParameterizedTest
    @ValueSource(longs = {MoqVersion.LITE_01, MoqVersion.LITE_02})
    void setupMessagesRoundTripWithU16Framing(long version) throws IOException {
        SetupParameters parameters = new SetupParameters(Map.of(SetupParameters.MAX_REQUEST_ID, 42069L),
                Map.of(SetupParameters.IMPLEMENTATION, "moq-lite-js".getBytes(StandardCharsets.UTF_8)));
        ClientSetup client = new ClientSetup(List.of(MoqVersion.LITE_02, MoqVersion.LITE_01,
                MoqVersion.IETF_DRAFT_14), parameters);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageIo.writeU16(out, client, version);
        MessageIo.writeU16(out, new ServerSetup(version, SetupParameters.implementation("x")), version);
        byte[] bytes = out.toByteArray();
        assertEquals(0, bytes[0], "u16 size, high byte");
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        ClientSetup decoded = MessageIo.readU16(in, MAX, ClientSetup::decode);
        assertEquals(client.versions(), decoded.versions());
        assertEquals(42069L, decoded.parameters().varints().get(SetupParameters.MAX_REQUEST_ID));
        assertArrayEquals("moq-lite-js".getBytes(StandardCharsets.UTF_8),
                decoded.parameters().blobs().get(SetupParameters.IMPLEMENTATION));
        assertEquals(version, MessageIo.readU16(in, MAX, ServerSetup::decode).selectedVersion());
    }

    static <T> T roundTrip(WireMessage message, long version, MessageIo.Decoder<T> decoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageIo.write(out, message, version);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        T decoded = MessageIo.read(in, MAX, decoder);
        assertEquals(-1, in.read(), "the message consumed exactly its bytes");
        return decoded;
    }
}
