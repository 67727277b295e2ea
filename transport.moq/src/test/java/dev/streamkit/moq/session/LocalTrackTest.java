package dev.streamkit.moq.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class LocalTrackTest {

    static final Duration NOW = Duration.ZERO;
    static final TrackBounds FOUR_GROUPS = new TrackBounds(4, 64);

    @Test
    void aSlowConsumerSkipsToTheOldestKeptGroupAndMemoryStaysBounded() throws Exception {
        LocalTrack track = new LocalTrack("audio/data", 0, FOUR_GROUPS);
        TrackConsumer consumer = track.subscribe();
        for (int g = 0; g < 100; g++) {
            track.appendGroup().writeFrame(new byte[] {(byte) g});
            assertTrue(track.heldGroups() <= FOUR_GROUPS.maxGroups(), "held groups stay bounded");
        }
        GroupConsumer first = consumer.nextGroup(NOW);
        assertEquals(96, first.sequence(), "skipped to the oldest of the 4 kept groups");
        assertArrayEquals(new byte[] {96}, first.readFrame(NOW));
        assertEquals(97, consumer.nextGroup(NOW).sequence());
    }

    @Test
    void groupsInsertedOutOfOrderAreReadInSequenceAndLateOnesDropped() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        TrackConsumer consumer = track.subscribe();
        track.insertGroup(11);
        track.insertGroup(10);
        assertEquals(10, consumer.nextGroup(NOW).sequence());
        assertEquals(11, consumer.nextGroup(NOW).sequence());
        track.insertGroup(13);
        assertEquals(13, consumer.nextGroup(NOW).sequence());
        track.insertGroup(12);
        assertThrows(TimeoutException.class, () -> consumer.nextGroup(NOW), "12 came after 13 was read: late");
        assertNull(track.insertGroup(13), "a duplicate is refused");
    }

    @Test
    void withAReorderWindowAReaderWaitsForTheMissingGroup() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, new TrackBounds(8, 64, Duration.ofSeconds(30)));
        TrackConsumer consumer = track.subscribe();
        track.insertGroup(10);
        assertEquals(10, consumer.nextGroup(NOW).sequence());
        track.insertGroup(12);
        assertThrows(TimeoutException.class, () -> consumer.nextGroup(NOW), "11 may still come");
        track.insertGroup(11);
        assertEquals(11, consumer.nextGroup(NOW).sequence());
        assertEquals(12, consumer.nextGroup(NOW).sequence());
    }

    @Test
    void closingTheTrackEndsTheWaitForAMissingGroup() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, new TrackBounds(8, 64, Duration.ofSeconds(30)));
        TrackConsumer consumer = track.subscribe();
        track.insertGroup(1);
        consumer.nextGroup(NOW);
        track.insertGroup(3);
        track.close();
        assertEquals(3, consumer.nextGroup(NOW).sequence());
        assertNull(consumer.nextGroup(NOW));
    }

    @Test
    void aGroupThatNeverEndsIsSkippedOnceNewerGroupsPushItOut() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        TrackConsumer consumer = track.subscribe();
        LocalGroup stalled = track.insertGroup(0);
        stalled.writeFrame(new byte[] {7});
        GroupConsumer group = consumer.nextGroup(NOW);
        assertArrayEquals(new byte[] {7}, group.readFrame(NOW));
        assertThrows(TimeoutException.class, () -> group.readFrame(NOW), "group 0 may still get frames");
        for (long s = 1; s <= FOUR_GROUPS.maxGroups(); s++) {
            track.insertGroup(s).finish();
        }
        assertNull(group.readFrame(NOW), "pushed out unfinished: its reader reaches its end");
        stalled.writeFrame(new byte[] {8});
        assertNull(group.readFrame(NOW), "a skipped group takes no more frames");
        assertEquals(1, consumer.nextGroup(NOW).sequence(), "the later groups flow");
    }

    @Test
    void aGroupOlderThanEveryKeptOneIsRefusedWhenFull() {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        for (long s = 10; s < 14; s++) {
            track.insertGroup(s);
        }
        assertNull(track.insertGroup(3));
        assertEquals(4, track.heldGroups());
    }

    @Test
    void closeEndsConsumersAfterTheKeptGroups() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        TrackConsumer consumer = track.subscribe();
        GroupProducer open = track.appendGroup();
        open.writeFrame(new byte[] {1});
        track.close();
        GroupConsumer group = consumer.nextGroup(NOW);
        assertArrayEquals(new byte[] {1}, group.readFrame(NOW));
        assertNull(group.readFrame(NOW), "close finished the open group");
        assertNull(consumer.nextGroup(NOW));
    }

    @Test
    void abortFailsConsumersAndOpenGroupsWithTheCode() throws Exception {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        TrackConsumer consumer = track.subscribe();
        track.appendGroup();
        GroupConsumer group = consumer.nextGroup(NOW);
        track.abort(42);
        assertEquals(42, assertThrows(MoqException.class, () -> consumer.nextGroup(NOW)).errorCode());
        assertEquals(42, assertThrows(MoqException.class, () -> group.readFrame(NOW)).errorCode());
    }

    @Test
    void aGroupOutgrowingItsByteCapIsAborted() {
        LocalTrack track = new LocalTrack("t", 0, new TrackBounds(2, 10));
        GroupProducer group = track.appendGroup();
        group.writeFrame(new byte[8]);
        group.writeFrame(new byte[8]);
        GroupConsumer reader = ((LocalGroup) group).reader();
        MoqException failure = assertThrows(MoqException.class, () -> {
            reader.readFrame(NOW);
        });
        assertEquals(LocalGroup.TOO_LARGE_CODE, failure.errorCode());
    }

    @Test
    void consumerCountFollowsSubscribeAndClose() {
        LocalTrack track = new LocalTrack("t", 0, FOUR_GROUPS);
        TrackConsumer first = track.subscribe();
        TrackConsumer second = track.subscribe();
        assertEquals(2, track.consumerCount());
        first.close();
        first.close();
        assertEquals(1, track.consumerCount());
        second.close();
        assertEquals(0, track.consumerCount());
    }
}
