package dev.streamkit.itests;

import static dev.streamkit.itests.NodeEvents.endedAt;
import static dev.streamkit.itests.NodeEvents.epochMillis;
import static dev.streamkit.itests.NodeEvents.indexOf;
import static dev.streamkit.itests.NodeEvents.is;
import static dev.streamkit.itests.NodeEvents.states;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node that fails ends the streams it fed (issue 8): its consumers end promptly, blaming it
 * ({@link UpstreamFailures}), instead of waiting for input that never comes; another branch of the same
 * session goes on.
 *
 * <pre>
 *   bad_read ─▶ ogg_demux (fails: a WAV is no Ogg stream) ─▶ opus_decode ─▶ bad_sink
 *   read ─▶ demux ─▶ pace ─▶ tap ─▶ sink
 * </pre>
 */
class FailurePropagationTest {

    private static final long AFTER_FAILURE_MS = 1_000;
    /** From session creation: the demuxer fails on its first bytes, then the window after it. */
    private static final long OBSERVE_MS = 3_000;

    @RegisterExtension
    static final RunningServer running = new RunningServer("").destroyingSessionsAfterEach();

    @Test
    void aFailedDemuxerEndsItsConsumersAndSparesTheOtherBranch() throws Exception {
        running.get().writeSample("not-ogg.wav", TestAudio.sineWav(48000, 1, 500, 0.25, 1.0));
        running.get().writeSample("other-branch.wav", TestAudio.sineWav(48000, 1, 500, 0.25, 10.0));
        String yaml = PacedTone.source("other-branch.wav") + PacedTone.tapAndSink("tap", "sink", "pace") + """
                  bad_read: { kind: core::file_reader, params: { path: samples/not-ogg.wav } }
                  ogg_demux: { kind: containers::ogg::demuxer, needs: bad_read }
                  opus_decode: { kind: audio::opus::decoder, needs: ogg_demux }
                  bad_sink: { kind: core::sink, needs: opus_decode }
                """;
        try (ControlClient client = ControlClient.connect(running.get().port)) {
            String id = client.createSession("failure-propagation", yaml);
            List<JsonNode> events = client.eventsDuring(OBSERVE_MS);

            int failed = indexOf(events, 0, e -> is(e, "nodestatechanged", id, "ogg_demux") && e.at("/state/Failed").isObject());
            assertTrue(failed >= 0, "ogg_demux did not fail; its states: " + states(events, id, "ogg_demux"));
            long failedAt = epochMillis(events.get(failed));
            LevelReadings otherBranch = LevelReadings.of(events, id, "tap").from(failedAt)
                    .filter(reading -> reading.timestampUs() < (failedAt + AFTER_FAILURE_MS) * 1_000);
            System.out.printf("FailurePropagationTest: ogg_demux %s; opus_decode %s; bad_sink %s; other branch %s%n",
                    events.get(failed).get("state"), states(events, id, "opus_decode"), states(events, id, "bad_sink"), otherBranch);

            assertAll(
                    () -> UpstreamFailures.assertConsumersEnded(events, id, List.of("opus_decode", "bad_sink"), "ogg_demux",
                            failedAt, AFTER_FAILURE_MS),
                    () -> assertTrue(otherBranch.size() >= 40, "the other branch's levels in the second after the failure: " + otherBranch),
                    () -> List.of("pace", "tap", "sink").forEach(node -> assertTrue(endedAt(events, id, node) < 0,
                            node + " of the other branch ended: " + states(events, id, node))));
        }
    }
}
