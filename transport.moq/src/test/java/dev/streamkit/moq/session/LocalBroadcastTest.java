package dev.streamkit.moq.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalBroadcastTest {

    @Test
    void localConsumersReadTheProducersTracks() throws Exception {
        LocalBroadcast broadcast = new LocalBroadcast("output");
        TrackProducer track = broadcast.createTrack("audio/data", 80);
        TrackConsumer consumer = broadcast.consumer().subscribe("audio/data", 80);
        track.appendGroup().writeFrame(new byte[] {7});
        assertEquals(7, consumer.nextGroup(Duration.ZERO).readFrame(Duration.ZERO)[0]);
    }

    @Test
    void aMissingTrackFailsWithNotFound() {
        LocalBroadcast broadcast = new LocalBroadcast("output");
        TrackConsumer consumer = broadcast.consumer().subscribe("video/hd", 1);
        assertEquals(LocalBroadcast.NOT_FOUND_CODE,
                assertThrows(MoqException.class, () -> consumer.nextGroup(Duration.ZERO)).errorCode());
    }

    @Test
    void closeEndsTracksRunsListenersOnceAndRefusesNewTracks() throws Exception {
        LocalBroadcast broadcast = new LocalBroadcast("output");
        broadcast.createTrack("audio/data", 80);
        TrackConsumer consumer = broadcast.consumer().subscribe("audio/data", 80);
        AtomicInteger closes = new AtomicInteger();
        broadcast.onClose(closes::incrementAndGet);
        broadcast.close();
        broadcast.close();
        assertEquals(1, closes.get());
        assertNull(consumer.nextGroup(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> broadcast.createTrack("other", 1));
        broadcast.onClose(closes::incrementAndGet);
        assertEquals(2, closes.get(), "a listener added after close runs at once");
        assertEquals(LocalBroadcast.CLOSED_CODE, assertThrows(MoqException.class,
                () -> broadcast.consumer().subscribe("audio/data", 1).nextGroup(Duration.ZERO)).errorCode());
    }

    @Test
    void aTrackNameIsUnique() {
        LocalBroadcast broadcast = new LocalBroadcast("output");
        broadcast.createTrack("catalog.json", 100);
        assertThrows(IllegalStateException.class, () -> broadcast.createTrack("catalog.json", 100));
    }
}
