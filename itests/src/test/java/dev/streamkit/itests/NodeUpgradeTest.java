package dev.streamkit.itests;

import static dev.streamkit.itests.ControlClient.op;
import static dev.streamkit.itests.NodeEvents.endedAt;
import static dev.streamkit.itests.NodeEvents.epochMillis;
import static dev.streamkit.itests.NodeEvents.indexOf;
import static dev.streamkit.itests.NodeEvents.is;
import static dev.streamkit.itests.NodeEvents.states;
import static dev.streamkit.itests.NodeEvents.statsBeforeStopped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot upgrade of a node bundle under running sessions (issue 8), with the fixture bundle
 * ({@link FixtureBundle}): its gain nodes multiply by 1.0 in the built jar and by 0.5 in the "version 2"
 * the test makes from it, so the level a tap measures after them says which revision processes the audio.
 *
 * <pre>
 *   upgrade-inline     read ─▶ demux ─▶ pace ─▶ gain (fixture::gain, inline)          ─▶ tap ─▶ sink
 *   upgrade-mailbox    read ─▶ demux ─▶ pace ─▶ gain (fixture::gain_blocking, mailbox) ─▶ tap ─▶ sink
 *   upgrade-bystander  read ─▶ demux ─▶ pace ─────────────────────────────────────────▶ tap ─▶ sink
 * </pre>
 *
 * The engine's contract: when the old factory leaves, the node goes {@code {"Recovering": {"reason":
 * "plugin_upgrade"}}}; once its successor is in, a {@code nodereplaced} event ({@code session_id, node_id,
 * kind, old_bundle, old_version, new_bundle, new_version}) and {@code "Running"} again. A node whose
 * factory leaves without a successor within {@code [plugins] upgrade_grace_secs} goes {@code Failed} with
 * a reason naming the bundle; its consumers end, naming it; other branches go on. The server is never
 * restarted: each test deploys the built jar first.
 */
class NodeUpgradeTest {

    private static final double AMPLITUDE = 0.25;
    /** Ten periods in a 20 ms frame: every frame has the same rms, so every reading is exact. */
    private static final int TONE_HZ = 500;
    private static final double NEW_FACTOR = 0.5;
    private static final double TOLERANCE_DB = 0.3;
    /** The level readings at the start of a stream, skipped: the pacer is still settling. */
    private static final int STARTUP_READINGS = 5;
    private static final long PLAY_BEFORE_CHANGE_MS = 1_500;
    /** The new level must hold from this long after the jar was replaced. */
    private static final long UPGRADE_WITHIN_MS = 1_000;
    private static final long GAP_LIMIT_MS = 500;
    private static final long BYSTANDER_GAP_LIMIT_MS = 100;
    private static final int GRACE_SECS = 2;
    /** After a node failed: its consumers must end within it, and the other branch must go on through it. */
    private static final long AFTER_FAILURE_MS = 1_000;
    private static final long END_WAIT_MS = 15_000;
    private static final List<String> THROUGH_GAIN = List.of("read", "demux", "pace", "gain", "tap", "sink");
    private static final List<String> WITHOUT_GAIN = List.of("read", "demux", "pace", "tap", "sink");

    @RegisterExtension
    static final RunningServer running = new RunningServer("[plugins]\nupgrade_grace_secs = " + GRACE_SECS + "\n").destroyingSessionsAfterEach();
    @TempDir
    static Path work;

    @Test
    void runningNodesMoveToTheNewRevisionWithoutLosingAudio() throws Exception {
        SkitServer server = running.get();
        server.writeSample("upgrade.wav", TestAudio.sineWav(48000, 1, TONE_HZ, AMPLITUDE, 7.0));
        String oldVersion = FixtureBundle.deploy(server);
        assertFixtureSchema(server);
        String newVersion = FixtureBundle.nextMinor(oldVersion);
        Path newJar = FixtureBundle.revision(FixtureBundle.jar(), work.resolve("fixtures-v2.jar"), newVersion, NEW_FACTOR);
        try (ControlClient client = ControlClient.connect(server.port)) {
            String inline = client.createSession("upgrade-inline", throughGain(FixtureBundle.GAIN, "upgrade.wav"));
            String mailbox = client.createSession("upgrade-mailbox", throughGain(FixtureBundle.GAIN_BLOCKING, "upgrade.wav"));
            String bystander = client.createSession("upgrade-bystander",
                    PacedTone.source("upgrade.wav") + PacedTone.tapAndSink("tap", "sink", "pace"));
            List<JsonNode> events = new ArrayList<>(client.eventsDuring(PLAY_BEFORE_CHANGE_MS));
            long movedAt = new DeployFolder(server).put(newJar, FixtureBundle.FILE_NAME);
            for (String id : List.of(inline, mailbox)) events.addAll(client.untilEnded(events, id, THROUGH_GAIN, END_WAIT_MS));
            events.addAll(client.untilEnded(events, bystander, WITHOUT_GAIN, END_WAIT_MS));

            assertAll(
                    () -> NodeKinds.awaitProvider(server, FixtureBundle.GAIN, FixtureBundle.SYMBOLIC_NAME, newVersion),
                    () -> assertMovedToNewRevision(events, inline, FixtureBundle.GAIN, oldVersion, newVersion, movedAt),
                    () -> assertMovedToNewRevision(events, mailbox, FixtureBundle.GAIN_BLOCKING, oldVersion, newVersion, movedAt),
                    () -> assertUndisturbed(events, bystander));
        }
    }

    @Test
    void aNodeWhosePluginLeavesWithoutSuccessorFailsAloneAndItsKindComesBack() throws Exception {
        SkitServer server = running.get();
        server.writeSample("branches.wav", TestAudio.sineWav(48000, 1, TONE_HZ, AMPLITUDE, 12.0));
        FixtureBundle.deploy(server);
        String yaml = PacedTone.source("branches.wav") + PacedTone.node("plugin_gain", FixtureBundle.GAIN, "pace")
                + PacedTone.tapAndSink("tap_a", "sink_a", "plugin_gain") + PacedTone.tapAndSink("tap_b", "sink_b", "pace");
        try (ControlClient client = ControlClient.connect(server.port)) {
            String id = client.createSession("no-successor", yaml);
            List<JsonNode> events = new ArrayList<>(client.eventsDuring(PLAY_BEFORE_CHANGE_MS));
            long removedAt = new DeployFolder(server).remove(FixtureBundle.FILE_NAME);
            // The grace period, FileInstall's scan (500 ms) and slack, then the window the other branch must fill.
            events.addAll(client.eventsDuring(GRACE_SECS * 1_000L + 2_500 + AFTER_FAILURE_MS));

            int failed = indexOf(events, 0, e -> is(e, "nodestatechanged", id, "plugin_gain") && e.at("/state/Failed").isObject());
            assertTrue(failed >= 0, "plugin_gain did not fail within the grace period and slack; its states: "
                    + states(events, id, "plugin_gain"));
            long failedAt = epochMillis(events.get(failed));
            String reason = events.get(failed).at("/state/Failed/reason").asText();
            LevelReadings otherBranch = LevelReadings.of(events, id, "tap_b").from(failedAt).filter(
                    reading -> reading.timestampUs() < (failedAt + AFTER_FAILURE_MS) * 1_000);
            System.out.printf("NodeUpgradeTest no successor: Failed %d ms after the jar was deleted (%s);"
                    + " other branch: %s in the next %d ms, longest gap %.1f ms%n", failedAt - removedAt, reason,
                    otherBranch, AFTER_FAILURE_MS, otherBranch.longestGapMs());

            assertAll(
                    () -> assertTrue(reason.contains(FixtureBundle.SYMBOLIC_NAME), "the reason does not name the bundle: " + reason),
                    () -> assertTrue(failedAt - removedAt >= GRACE_SECS * 1_000L - 500,
                            "failed " + (failedAt - removedAt) + " ms after the deletion, before the grace period"),
                    () -> assertTrue(states(events, id, "plugin_gain").contains("Recovering"),
                            "plugin_gain was not Recovering first: " + states(events, id, "plugin_gain")),
                    () -> UpstreamFailures.assertConsumersEnded(events, id, List.of("tap_a", "sink_a"), "plugin_gain", failedAt, AFTER_FAILURE_MS),
                    () -> assertTrue(otherBranch.size() >= 40, "the other branch's levels after the failure: " + otherBranch),
                    () -> assertTrue(otherBranch.longestGapMs() < BYSTANDER_GAP_LIMIT_MS, "the other branch stalled: " + otherBranch),
                    () -> List.of("pace", "tap_b", "sink_b").forEach(node -> assertTrue(endedAt(events, id, node) < 0,
                            node + " of the other branch ended: " + states(events, id, node))));

            new DeployFolder(server).put(FixtureBundle.jar(), FixtureBundle.FILE_NAME);
            NodeKinds.await(server, FixtureBundle.GAIN, Objects::nonNull, "return after redeploy");
            JsonNode added = client.request("re-add", op("addnode", id, "node_id", "plugin_gain_again", "kind", FixtureBundle.GAIN));
            assertEquals("success", added.get("action").asText(), added.toString());
        }
    }

    /** The fixture kinds are listed with their params and pins as a plugin's kinds are. */
    private static void assertFixtureSchema(SkitServer server) throws Exception {
        JsonNode stall = NodeKinds.entry(server, FixtureBundle.STALL);
        assertTrue(stall.at("/param_schema/properties/stall_ms").isObject(), stall.toString());
        assertTrue(stall.at("/param_schema/properties/every_packet").isObject(), stall.toString());
        JsonNode probe = NodeKinds.entry(server, FixtureBundle.CLOSE_PROBE);
        assertTrue(probe.at("/param_schema/required").toString().contains("report_path"), probe.toString());
        JsonNode gain = NodeKinds.entry(server, FixtureBundle.GAIN);
        assertEquals("in", gain.at("/inputs/0/name").asText(), gain.toString());
        assertEquals("out", gain.at("/outputs/0/name").asText(), gain.toString());
    }

    private static String throughGain(String kind, String file) {
        return PacedTone.source(file) + PacedTone.node("gain", kind, "pace") + PacedTone.tapAndSink("tap", "sink", "gain");
    }

    /**
     * The level moved by the new factor from {@link #UPGRADE_WITHIN_MS} after the jar was replaced, no frame
     * the pacer sent was lost, audio kept flowing (longest gap between readings), and the engine announced the
     * replacement.
     */
    private static void assertMovedToNewRevision(List<JsonNode> events, String id, String kind, String oldVersion,
                                                 String newVersion, long movedAt) {
        LevelReadings levels = LevelReadings.of(events, id, "tap").skip(STARTUP_READINGS);
        double baseline = levels.before(movedAt).meanRms();
        double expectedDb = TestAudio.decibels(NEW_FACTOR);
        LevelReadings settled = levels.from(movedAt + UPGRADE_WITHIN_MS);
        List<Double> offLevel = settled.list().stream().map(reading -> reading.decibelsOver(baseline))
                .filter(db -> Math.abs(db - expectedDb) > TOLERANCE_DB).toList();
        long switchedAfterMs = levels.from(movedAt).list().stream()
                .filter(reading -> Math.abs(reading.decibelsOver(baseline) - expectedDb) <= TOLERANCE_DB)
                .mapToLong(reading -> reading.timestampUs() / 1_000 - movedAt).findFirst().orElse(-1);
        System.out.printf("NodeUpgradeTest %s: new level after the move: %s; longest gap between readings %.1f ms"
                        + " (cadence %d ms); %d of %d readings from %d ms on off %+.2f dB; states of gain %s%n", kind,
                switchedAfterMs < 0 ? "never" : switchedAfterMs + " ms", levels.longestGapMs(), PacedTone.LEVEL_INTERVAL_MS, offLevel.size(), settled.size(),
                UPGRADE_WITHIN_MS, expectedDb, states(events, id, "gain"));

        assertAll(kind,
                () -> assertEquals(0.0, TestAudio.decibels(baseline / (AMPLITUDE / Math.sqrt(2))), TOLERANCE_DB,
                        "level before the upgrade vs the file's sine"),
                () -> assertTrue(settled.size() >= 25, "readings from " + UPGRADE_WITHIN_MS + " ms after the move: " + settled),
                () -> assertTrue(offLevel.isEmpty(), String.format("%d of %d readings from %d ms after the move are not at"
                        + " %+.2f dB, e.g. %s dB", offLevel.size(), settled.size(), UPGRADE_WITHIN_MS, expectedDb,
                        offLevel.subList(0, Math.min(5, offLevel.size())))),
                () -> assertTrue(levels.longestGapMs() < GAP_LIMIT_MS, "longest gap " + levels.longestGapMs() + " ms"),
                () -> assertEquals(statsBeforeStopped(events, id, "pace").get("sent").asLong(),
                        statsBeforeStopped(events, id, "sink").get("received").asLong(), "frames the pacer sent vs the sink received"),
                () -> assertReplacementAnnounced(events, id, kind, oldVersion, newVersion));
    }

    /** Recovering(plugin_upgrade), then nodereplaced with both revisions, then Running. */
    private static void assertReplacementAnnounced(List<JsonNode> events, String id, String kind, String oldVersion,
                                                   String newVersion) {
        int recovering = indexOf(events, 0, e -> is(e, "nodestatechanged", id, "gain")
                && "plugin_upgrade".equals(e.at("/state/Recovering/reason").asText()));
        assertTrue(recovering >= 0, "no Recovering(plugin_upgrade) of gain; its states: " + states(events, id, "gain"));
        int replaced = indexOf(events, recovering, e -> is(e, "nodereplaced", id, "gain"));
        assertTrue(replaced > recovering, "no nodereplaced of gain after its Recovering");
        JsonNode event = events.get(replaced);
        assertEquals(kind, event.path("kind").asText(), event.toString());
        assertEquals(FixtureBundle.SYMBOLIC_NAME, event.path("old_bundle").asText(), event.toString());
        assertEquals(oldVersion, event.path("old_version").asText(), event.toString());
        assertEquals(FixtureBundle.SYMBOLIC_NAME, event.path("new_bundle").asText(), event.toString());
        assertEquals(newVersion, event.path("new_version").asText(), event.toString());
        int runningAgain = indexOf(events, replaced, e -> is(e, "nodestatechanged", id, "gain") && "Running".equals(e.get("state").asText()));
        assertTrue(runningAgain > replaced, "gain not Running after nodereplaced; its states: " + states(events, id, "gain"));
    }

    /** A session without the plugin: audio never paused and every frame arrived. */
    private static void assertUndisturbed(List<JsonNode> events, String id) {
        LevelReadings levels = LevelReadings.of(events, id, "tap").skip(STARTUP_READINGS);
        System.out.printf("NodeUpgradeTest bystander: longest gap between readings %.1f ms over %s%n", levels.longestGapMs(), levels);
        assertAll("bystander",
                () -> assertTrue(levels.longestGapMs() < BYSTANDER_GAP_LIMIT_MS, "longest gap " + levels.longestGapMs() + " ms"),
                () -> assertEquals(statsBeforeStopped(events, id, "pace").get("sent").asLong(),
                        statsBeforeStopped(events, id, "sink").get("received").asLong(), "frames the pacer sent vs the sink received"));
    }
}
