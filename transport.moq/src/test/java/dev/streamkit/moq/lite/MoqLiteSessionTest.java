package dev.streamkit.moq.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.moq.session.Announcement;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackBounds;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.session.TrackProducer;
import dev.streamkit.moq.wire.MoqVersion;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoqLiteSessionTest {

    static final int GROUPS = 250;
    static final int FRAMES_PER_GROUP = 2;
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Enough buffering that a burst of all groups is never skipped, so order and count can be checked. */
    static final TrackBounds LOSSLESS = new TrackBounds(GROUPS + 6, 1 << 16);
    static final MoqLimits LIMITS = new MoqLimits(256, 64, 16, 1 << 16, 4096, Duration.ofSeconds(5), LOSSLESS);

    static Stream<Arguments> versions() {
        return Stream.of(
                Arguments.of(List.of("moq-lite-04", "moq-lite-03", "moql"), MoqVersion.LITE_04),
                Arguments.of(List.of("moq-lite-03", "moql"), MoqVersion.LITE_03),
                Arguments.of(List.of("moql"), MoqVersion.LITE_02),
                Arguments.of(List.of(), MoqVersion.LITE_01));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void serverPublishesFiveHundredFramesInOrder(List<String> protocols, long version) throws Exception {
        LocalBroadcast broadcast = new LocalBroadcast("output", LOSSLESS);
        TrackProducer track = broadcast.createTrack("audio/data", 80);
        try (SessionHarness harness = SessionHarness.publishing(broadcast, LIMITS)
                .connect(protocols, setupOffer(version), LIMITS)) {
            assertEquals(version, harness.clientSession.version());
            assertEquals(version, harness.serverSession().version());
            transfer(harness.clientSession, broadcast, track);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void clientPublishesFiveHundredFramesInOrder(List<String> protocols, long version) throws Exception {
        LocalBroadcast broadcast = new LocalBroadcast("input", LOSSLESS);
        TrackProducer track = broadcast.createTrack("audio/data", 80);
        try (SessionHarness harness = new SessionHarness(LIMITS)) {
            harness.connect(protocols, setupOffer(version), LIMITS);
            harness.clientSession.publish("input", broadcast);
            transfer(harness.serverSession(), broadcast, track);
        }
    }

    @ParameterizedTest
    @MethodSource("versions")
    void announcementsFollowPublishAndClose(List<String> protocols, long version) throws Exception {
        LocalBroadcast early = new LocalBroadcast("rooms/early");
        LocalBroadcast late = new LocalBroadcast("rooms/late");
        try (SessionHarness harness = new SessionHarness(LIMITS)) {
            harness.server.thenAccept(session -> session.publish("rooms/early", early));
            harness.connect(protocols, setupOffer(version), LIMITS);
            MoqSession server = harness.serverSession();
            BlockingQueue<Announcement> heard = new LinkedBlockingQueue<>();
            try (AutoCloseable ignored = harness.clientSession.announcements("rooms", heard::add)) {
                assertEquals(new Announcement("early", true), heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
                server.publish("rooms/late", late);
                assertEquals(new Announcement("late", true), heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
                early.close();
                assertEquals(new Announcement("early", false), heard.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }

    private static List<Long> setupOffer(long version) {
        return MoqVersion.isSetupEra(version) ? List.of(version) : List.of(MoqVersion.LITE_02, MoqVersion.LITE_01);
    }

    private static void transfer(MoqSession subscriber, LocalBroadcast broadcast, TrackProducer track)
            throws Exception {
        BroadcastConsumer remote = subscriber.consume(broadcast.path(), WAIT).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        try (TrackConsumer consumer = remote.subscribe("audio/data", 80)) {
            awaitSubscribed(track);
            int received = 0;
            long lastSequence = -1;
            for (int g = 0; g < GROUPS; g++) {
                GroupProducer group = track.appendGroup();
                for (int f = 0; f < FRAMES_PER_GROUP; f++) {
                    group.writeFrame(frame(g * FRAMES_PER_GROUP + f));
                }
                group.finish();
                // NOTE: lock-step: group streams race each other at the receiver, and a group arriving after a
                // newer one was read is dropped by design; reading each group before the next keeps all 500.
                GroupConsumer arrived = consumer.nextGroup(WAIT);
                assertTrue(arrived.sequence() > lastSequence, "groups in order");
                lastSequence = arrived.sequence();
                for (byte[] frame = arrived.readFrame(WAIT); frame != null; frame = arrived.readFrame(WAIT)) {
                    assertArrayEquals(frame(received), frame, "frame " + received);
                    received++;
                }
            }
            track.close();
            assertNull(consumer.nextGroup(WAIT), "the track ends cleanly after its last group");
            assertEquals(GROUPS * FRAMES_PER_GROUP, received);
            assertEquals(GROUPS - 1, lastSequence);
        }
    }

    /** Waits (bounded) until the publisher serves the subscription, so no group precedes it. */
    static void awaitSubscribed(TrackProducer track) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (track.consumerCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(track.consumerCount() > 0, "subscription reached the publisher");
    }

    static byte[] frame(int index) {
        return ByteBuffer.allocate(12).putInt(index).putLong(index * 31L).array();
    }
}
