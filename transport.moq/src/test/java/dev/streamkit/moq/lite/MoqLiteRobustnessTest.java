package dev.streamkit.moq.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.TrackBounds;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.session.TrackProducer;
import dev.streamkit.moq.testing.PipeSession;
import dev.streamkit.moq.wire.ClientSetup;
import dev.streamkit.moq.wire.GroupHeader;
import dev.streamkit.moq.wire.MessageIo;
import dev.streamkit.moq.wire.MoqErrorCode;
import dev.streamkit.moq.wire.MoqVersion;
import dev.streamkit.moq.wire.SetupParameters;
import dev.streamkit.moq.wire.StreamType;
import dev.streamkit.moq.wire.Varint;
import dev.streamkit.quic.BidiStream;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.SendStream;
import dev.streamkit.quic.SessionClose;
import dev.streamkit.quic.StreamHandler;
import dev.streamkit.quic.ReceiveStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MoqLiteRobustnessTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final TrackBounds FOUR_GROUPS = new TrackBounds(4, 1 << 16);
    static final MoqLimits SMALL = new MoqLimits(8, 4, 4, 1 << 12, 1024, Duration.ofSeconds(5), FOUR_GROUPS);

    @Test
    void aSlowSubscriberSkipsGroupsAndKeepsOnlyItsBound() throws Exception {
        int groups = 200;
        try (Feed feed = Feed.open("moq-lite-04", FOUR_GROUPS, SMALL, SMALL)) {
            for (int g = 0; g < groups; g++) {
                feed.track().appendGroup().writeFrame(MoqLiteSessionTest.frame(g));
            }
            feed.track().close();
            awaitServed(feed.track());
            List<Long> read = new ArrayList<>();
            for (GroupConsumer group = feed.consumer().nextGroup(WAIT); group != null && read.size() <= groups;
                 group = feed.consumer().nextGroup(WAIT)) {
                read.add(group.sequence());
            }
            assertFalse(read.isEmpty());
            // NOTE: group streams still being received while the feed.consumer() starts may add a few newer groups
            // after the kept four; what matters is that it skipped the rest and never went back.
            assertTrue(read.size() <= 2 * FOUR_GROUPS.maxGroups(), "skipped to the kept groups: " + read);
            for (int i = 1; i < read.size(); i++) {
                assertTrue(read.get(i) > read.get(i - 1), "in order: " + read);
            }
            assertEquals(groups - 1, read.get(read.size() - 1), "the newest group arrived");
        }
    }

    @Test
    void aGroupStreamThatNeverEndsIsSkippedAndLaterGroupsFlow() throws Exception {
        try (Feed feed = Feed.open("moq-lite-03", FOUR_GROUPS, SMALL, SMALL)) {
            // group 0 arrives on a stream whose FIN never comes (as if lost under the transport); the publisher's
            // own group 0 is then a duplicate, and its later groups must not wait behind the stalled one
            SendStream stalled = feed.harness().serverTransport().openUnidirectional();
            stalled.output().write(new byte[] {(byte) StreamType.GROUP});
            stalled.output().write(MessageIo.frame(new GroupHeader(0, 0), MoqVersion.LITE_03));
            byte[] first = MoqLiteSessionTest.frame(0);
            Varint.write(stalled.output(), first.length);
            stalled.output().write(first);
            stalled.output().flush();
            GroupConsumer group = feed.consumer().nextGroup(WAIT);
            assertEquals(0, group.sequence());
            assertNotNull(group.readFrame(WAIT));
            int groups = 2 * FOUR_GROUPS.maxGroups();
            for (int g = 0; g <= groups; g++) {
                feed.track().appendGroup().writeFrame(MoqLiteSessionTest.frame(g));
            }
            assertNull(group.readFrame(WAIT), "pushed out of the kept groups, the stalled group ends");
            long last = -1;
            for (int i = 0; i < groups && last < groups; i++) {
                GroupConsumer later = feed.consumer().nextGroup(WAIT);
                assertTrue(later.sequence() > last, "in order after the stalled group: " + later.sequence());
                assertNotNull(later.readFrame(WAIT), "group " + later.sequence());
                last = later.sequence();
            }
            assertEquals(groups, last, "the newest group arrived");
            assertStopped(stalled);
        }
    }

    @Test
    void aFloodOfStreamsClosesTheConnectionWithBoundsExceeded() throws Exception {
        try (SessionHarness harness = new SessionHarness(SMALL)) {
            PipeSession raw = rawClient(harness, "moq-lite-03");
            List<SendStream> idle = new ArrayList<>();
            for (int i = 0; i <= SMALL.maxStreams(); i++) {
                idle.add(raw.openUnidirectional());
            }
            assertClosedWith(raw, MoqErrorCode.BOUNDS_EXCEEDED);
            assertEquals(MoqErrorCode.BOUNDS_EXCEEDED, closeOf(harness.serverSession()).errorCode());
        }
    }

    @Test
    void aFloodOfAnnouncementsClosesTheConnection() throws Exception {
        try (SessionHarness harness = new SessionHarness(SMALL)) {
            harness.server.thenAccept(session -> {
                for (int i = 0; i <= SMALL.maxAnnounces(); i++) {
                    session.publish("room/" + i, new LocalBroadcast("room/" + i));
                }
            });
            harness.connect(List.of("moq-lite-03"), SetupHandshake.OFFER, SMALL);
            harness.serverSession();
            harness.clientSession.announcements("", announcement -> { });
            SessionClose close = closeOf(harness.clientSession);
            assertEquals(MoqErrorCode.BOUNDS_EXCEEDED, close.errorCode());
            assertTrue(close.reason().contains("announced"), close.reason());
        }
    }

    @Test
    void malformedMessagesAndUnknownStreamsCloseWithTheirCode() throws Exception {
        assertRawBidiClosesWith(new byte[] {2, 3, (byte) 0xff, (byte) 0xff, 1}, MoqErrorCode.DECODE);
        assertRawBidiClosesWith(new byte[] {9}, MoqErrorCode.UNEXPECTED_STREAM);
        assertRawBidiClosesWith(new byte[] {2, 0x7f, (byte) 0xff}, MoqErrorCode.BOUNDS_EXCEEDED);
        try (SessionHarness harness = new SessionHarness(SMALL)) {
            PipeSession raw = rawClient(harness, "moq-lite-04");
            SendStream stream = raw.openUnidirectional();
            stream.output().write(5);
            stream.output().flush();
            assertClosedWith(raw, MoqErrorCode.UNEXPECTED_STREAM);
        }
    }

    @Test
    void aFrameAboveTheLimitClosesTheSubscribersConnection() throws Exception {
        try (Feed feed = Feed.open("moq-lite-04", TrackBounds.DEFAULT, MoqLimits.defaults(), SMALL)) {
            feed.track().appendGroup().writeFrame(new byte[SMALL.maxFrameBytes() + 1]);
            assertEquals(MoqErrorCode.FRAME_TOO_LARGE, closeOf(feed.harness().clientSession).errorCode());
            assertThrows(MoqException.class, () -> drain(feed.consumer()));
        }
    }

    @Test
    void setupOfferingOnlyIetfDraft14IsRefusedWithTheVersionCode() throws Exception {
        try (SessionHarness harness = new SessionHarness(SMALL)) {
            PipeSession raw = rawClient(harness, "moql");
            BidiStream setup = raw.openBidirectional();
            OutputStream out = setup.output();
            Varint.write(out, StreamType.CLIENT_SETUP);
            MessageIo.writeU16(out, new ClientSetup(List.of(MoqVersion.IETF_DRAFT_14), SetupParameters.none()), 0);
            out.flush();
            SessionClose close = assertClosedWith(raw, MoqErrorCode.VERSION);
            assertTrue(close.reason().contains("moq-lite-02"), close.reason());
        }
    }

    @Test
    void noSetupWithinTheDeadlineClosesWithTimeout() throws Exception {
        MoqLimits quick = new MoqLimits(8, 4, 4, 1024, 1024, Duration.ofMillis(200), FOUR_GROUPS);
        try (SessionHarness harness = new SessionHarness(quick)) {
            assertClosedWith(rawClient(harness, "moql"), MoqErrorCode.TIMEOUT);
        }
    }

    @Test
    void aVanishingPublisherEndsConsumersWithMoqException() throws Exception {
        try (Feed feed = Feed.open("moql", TrackBounds.DEFAULT, MoqLimits.defaults(), MoqLimits.defaults())) {
            feed.track().appendGroup().writeFrame(new byte[] {1});
            assertNotNull(feed.consumer().nextGroup(WAIT).readFrame(WAIT));
            feed.harness().serverTransport().loseConnection();
            assertThrows(MoqException.class, () -> drain(feed.consumer()));
            assertTrue(closeOf(feed.harness().clientSession).byPeer());
        }
    }

    @Test
    void groupAndTrackAbortsReachTheSubscriberAsMoqExceptions() throws Exception {
        try (Feed feed = Feed.open("moq-lite-03", TrackBounds.DEFAULT, MoqLimits.defaults(), MoqLimits.defaults())) {
            GroupProducer aborted = feed.track().appendGroup();
            aborted.writeFrame(new byte[] {1});
            GroupConsumer first = feed.consumer().nextGroup(WAIT);
            assertNotNull(first.readFrame(WAIT));
            aborted.abort(70);
            assertThrows(MoqException.class, () -> first.readFrame(WAIT), "the group stream was reset");
            feed.track().abort(71);
            assertThrows(MoqException.class, () -> drain(feed.consumer()), "the subscribe stream was reset");
            assertFalse(feed.harness().clientSession.closed().toCompletableFuture().isDone(), "the session lives on");
        }
    }

    @Test
    void subscribingToAMissingTrackFails() throws Exception {
        try (SessionHarness harness = new SessionHarness(MoqLimits.defaults())) {
            harness.server.thenAccept(session -> session.publish("output", new LocalBroadcast("output")));
            harness.connect(List.of("moq-lite-03"), SetupHandshake.OFFER, MoqLimits.defaults());
            TrackConsumer consumer = consume(harness, "output").subscribe("video/hd", 1);
            assertThrows(MoqException.class, () -> consumer.nextGroup(WAIT));
            assertFalse(harness.clientSession.closed().toCompletableFuture().isDone(), "only the track failed");
        }
    }

    @Test
    void consumingABroadcastNeverAnnouncedFailsAfterTheTimeout() throws Exception {
        try (SessionHarness harness = new SessionHarness(MoqLimits.defaults())) {
            harness.connect(List.of("moq-lite-04"), SetupHandshake.OFFER, MoqLimits.defaults());
            ExecutionException failure = assertThrows(ExecutionException.class, () -> harness.clientSession
                    .consume("absent", Duration.ofMillis(100)).toCompletableFuture().get(WAIT.toSeconds(),
                            TimeUnit.SECONDS));
            assertInstanceOf(MoqException.class, failure.getCause());
        }
    }

    @Test
    void closingTheSessionFailsWaitsAndLaterSubscriptions() throws Exception {
        try (SessionHarness harness = new SessionHarness(MoqLimits.defaults())) {
            harness.server.thenAccept(session -> session.publish("output", new LocalBroadcast("output")));
            harness.connect(List.of("moq-lite-04"), SetupHandshake.OFFER, MoqLimits.defaults());
            BroadcastConsumer output = consume(harness, "output");
            var waiting = harness.clientSession.consume("absent", Duration.ofMinutes(5)).toCompletableFuture();
            harness.clientSession.close(0, "done");
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(MoqException.class, failure.getCause());
            TrackConsumer late = output.subscribe("audio/data", 1);
            assertThrows(MoqException.class, () -> late.nextGroup(WAIT));
        }
    }

    @Test
    void choosesTheBestOfferedSubprotocol() {
        assertEquals("moq-lite-04", MoqLite.chooseProtocol(List.of("moqt-16", "moq-lite-03", "moq-lite-04")));
        assertEquals("moq-lite-03", MoqLite.chooseProtocol(List.of("moq-lite-03", "moql")));
        assertEquals("moql", MoqLite.chooseProtocol(List.of("moql", "moqt-15")));
        assertEquals("", MoqLite.chooseProtocol(List.of()));
        assertNull(MoqLite.chooseProtocol(List.of("moqt-17", "moqt-16")));
    }

    /** A client subscribed to track {@code audio/data} of the broadcast {@code output} its server publishes. */
    private record Feed(SessionHarness harness, TrackProducer track, TrackConsumer consumer) implements AutoCloseable {

        static Feed open(String protocol, TrackBounds bounds, MoqLimits serverLimits, MoqLimits clientLimits)
                throws Exception {
            LocalBroadcast broadcast = new LocalBroadcast("output", bounds);
            TrackProducer track = broadcast.createTrack("audio/data", 80);
            SessionHarness harness = SessionHarness.publishing(broadcast, serverLimits)
                    .connect(List.of(protocol), SetupHandshake.OFFER, clientLimits);
            TrackConsumer consumer = consume(harness, "output").subscribe("audio/data", 80);
            MoqLiteSessionTest.awaitSubscribed(track);
            return new Feed(harness, track, consumer);
        }

        @Override
        public void close() {
            harness.close();
        }
    }

    private static void assertRawBidiClosesWith(byte[] bytes, long code) throws Exception {
        try (SessionHarness harness = new SessionHarness(SMALL)) {
            PipeSession raw = rawClient(harness, "moq-lite-03");
            BidiStream stream = raw.openBidirectional();
            stream.output().write(bytes);
            stream.output().flush();
            assertClosedWith(raw, code);
        }
    }

    /** A client end that speaks no MoQ at all: the test writes its bytes by hand. */
    private static PipeSession rawClient(SessionHarness harness, String protocol) throws Exception {
        StreamHandler ignore = new StreamHandler() {
            @Override
            public void onBidirectional(BidiStream stream) {
                stream.reset(0);
            }

            @Override
            public void onUnidirectional(ReceiveStream stream) {
                stream.abort(0);
            }
        };
        ClientOptions options = new ClientOptions(List.of(protocol), List.of(), true, WAIT);
        return (PipeSession) harness.client.connect(URI.create("https://127.0.0.1/moq"), options, ignore)
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static SessionClose assertClosedWith(PipeSession raw, long code) throws Exception {
        SessionClose close = raw.closed().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(code, close.errorCode(), close.reason());
        assertTrue(close.byPeer(), "the server closed it");
        return close;
    }

    private static SessionClose closeOf(dev.streamkit.moq.session.MoqSession session) throws Exception {
        return session.closed().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static BroadcastConsumer consume(SessionHarness harness, String path) throws Exception {
        return harness.clientSession.consume(path, WAIT).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits (bounded) until the publisher has served every group and let go of the track. */
    private static void awaitServed(TrackProducer track) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (track.consumerCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, track.consumerCount(), "the publisher finished serving");
    }

    /**
     * Waits (bounded) until the reader of {@code stream} stopped it: a write then fails. The probes are the start of
     * a frame larger than they will ever fill, so they cannot end the group for a reader that did not stop.
     */
    private static void assertStopped(SendStream stream) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        byte[] probe = Varint.encode(SMALL.maxFrameBytes());
        while (System.nanoTime() < deadline) {
            try {
                stream.output().write(probe);
                probe = new byte[1];
                stream.output().flush();
            } catch (IOException stopped) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the stalled group's stream was never stopped");
    }

    /** Reads groups and frames until the track ends; bounded in count. */
    private static void drain(TrackConsumer consumer) throws Exception {
        for (int i = 0; i < 1000; i++) {
            GroupConsumer group = consumer.nextGroup(WAIT);
            if (group == null) {
                return;
            }
            for (int f = 0; f < 1000 && group.readFrame(WAIT) != null; f++) {
                // discard
            }
        }
    }
}
