package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's churn acceptance, reconnecting: a publisher of our own moq-lite client feeds a
 * {@code transport::moq::peer} session over loopback QUIC, vanishes in the middle of a group (its QUIC connection
 * dropped, no WebTransport close) and comes back. With {@code allow_reconnect} the peer turns
 * {@code Recovering(waiting_for_publisher)} between and {@code Running} after, and the watchers of
 * {@code {path}/output} (a test client and a subscriber session) keep their sessions and receive the tone before
 * and after at its level; without it the peer stops.
 */
class MoqReconnectTest {

    private static final int FRAMES = 150;
    private static final double TOLERANCE_DB = 1.0;
    private static final long WAIT_MS = 15_000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("").destroyingSessionsAfterEach();

    @TempDir
    Path dir;

    @Test
    void aPublisherThatReconnectsResumesForWatchersThatStay() throws Exception {
        int port = running.get().port;
        List<byte[]> tone = OpusTone.packets(dir, 2.0);
        try (ControlClient control = ControlClient.connect(port); MoqTestClient watching = new MoqTestClient(port)) {
            String peer = control.createSession("moq-reconnect", MoqPeers.gainSession("/moq/churn", true, 1.0));
            String watch = control.createSession("moq-reconnect-watch",
                    MoqPeers.watchSession("http://127.0.0.1:" + port + "/moq/churn/output"));
            List<JsonNode> events = new ArrayList<>(control.eventsUntil(e -> MoqPeers.watchers(e, peer, 1), WAIT_MS, "a watcher"));
            try (HangWatcher watcher = HangWatcher.watch(watching.connect("/moq/churn/output"), "output")) {
                events.addAll(control.eventsUntil(e -> MoqPeers.watchers(e, peer, 2), WAIT_MS, "two watchers"));

                long firstSent = HangPublisher.publishThenVanish(port, "/moq/churn/input", tone, FRAMES + HangPublisher.GROUP_FRAMES / 2);
                events.addAll(control.eventsUntil(e -> MoqPeers.recovering(e, peer, MoqPeers.PEER, "waiting_for_publisher"),
                        WAIT_MS, "the peer Recovering(waiting_for_publisher)"));
                int recoveringAt = events.size() - 1;
                long before = watcher.settled();

                long after;
                try (MoqTestClient second = new MoqTestClient(port)) {
                    HangPublisher publisher = new HangPublisher(second.connect("/moq/churn/input"), "input", tone);
                    publisher.send(FRAMES);
                    after = watcher.settled() - before;
                    events.addAll(control.eventsDuring(500));
                    publisher.finish();
                }
                System.out.printf("MoqReconnectTest: watcher got %d frames of %d before the reconnect, %d of %d after%n",
                        before, firstSent, after, FRAMES);

                assertTrue(NodeEvents.indexOf(events, recoveringAt, e -> MoqPeers.running(e, peer, MoqPeers.PEER)) > recoveringAt,
                        () -> "the peer Running again after the reconnect: " + NodeEvents.states(events, peer, MoqPeers.PEER));
                assertTrue(watcher.sessionOpen(), "the watcher kept its session");
                assertNull(watcher.failure(), "the watcher's track went on");
                assertEquals(firstSent, before, firstSent * 0.1, "frames before the reconnect");
                assertEquals(FRAMES, after, FRAMES * 0.1, "frames after the reconnect");
                assertTrue(NodeEvents.states(events, watch, MoqPeers.PULL).stream().noneMatch("Recovering"::equals),
                        () -> "the subscriber session kept its connection: " + NodeEvents.states(events, watch, MoqPeers.PULL));

                long reconnectedMs = NodeEvents.epochMillis(events.get(recoveringAt));
                LevelReadings levels = LevelReadings.of(events, watch, "tap");
                double first = levels.before(reconnectedMs).steadyRms();
                double second = levels.from(reconnectedMs).steadyRms();
                System.out.printf("MoqReconnectTest: level %+.2f dB before, %+.2f dB after (re the tone sent)%n",
                        TestAudio.decibels(first / OpusTone.rms()), TestAudio.decibels(second / OpusTone.rms()));
                assertEquals(0, TestAudio.decibels(first / OpusTone.rms()), TOLERANCE_DB, "level before: " + levels);
                assertEquals(0, TestAudio.decibels(second / OpusTone.rms()), TOLERANCE_DB, "level after: " + levels);
            }
        }
    }

    @Test
    void withoutAllowReconnectThePeerStopsWhenItsPublisherVanishes() throws Exception {
        int port = running.get().port;
        List<byte[]> tone = OpusTone.packets(dir, 1.0);
        try (ControlClient control = ControlClient.connect(port)) {
            String peer = control.createSession("moq-once", MoqPeers.gainSession("/moq/once", false, 1.0));
            HangPublisher.publishThenVanish(port, "/moq/once/input", tone, 2 * HangPublisher.GROUP_FRAMES + 3);
            List<JsonNode> events = control.eventsUntil(e -> NodeEvents.is(e, "nodestatechanged", peer, MoqPeers.PEER)
                    && e.at("/state/Stopped").isObject(), WAIT_MS, "the peer Stopped");
            assertTrue(NodeEvents.states(events, peer, MoqPeers.PEER).stream().noneMatch("Recovering"::equals),
                    () -> "no Recovering without allow_reconnect: " + NodeEvents.states(events, peer, MoqPeers.PEER));
        }
    }
}
