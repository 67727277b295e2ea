package dev.streamkit.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The {@code audio.level} readings of one {@code core::telemetry_tap} among received events, in order, each
 * with the server's wall-clock stamp ({@code timestamp_us}, taken as the audio passed the tap). The gaps
 * between stamps show where audio stopped flowing, whatever the control socket's own delays.
 */
final class LevelReadings {

    /** One reading: when the tap measured it (epoch µs) and the linear rms of that window. */
    record Reading(long timestampUs, double rms) {
        /** This level relative to {@code reference} rms, in dB. */
        double decibelsOver(double reference) {
            return TestAudio.decibels(rms / reference);
        }
    }

    private final List<Reading> readings;

    private LevelReadings(List<Reading> readings) {
        this.readings = List.copyOf(readings);
    }

    /** The readings of tap {@code nodeId} in {@code sessionId} among {@code events}. */
    static LevelReadings of(List<JsonNode> events, String sessionId, String nodeId) {
        List<Reading> readings = new ArrayList<>();
        for (JsonNode event : events) {
            if (NodeEvents.is(event, "nodetelemetry", sessionId, nodeId) && "audio.level".equals(event.at("/data/event_type").asText())) {
                readings.add(new Reading(event.get("timestamp_us").asLong(), event.at("/data/rms").asDouble()));
            }
        }
        return new LevelReadings(readings);
    }

    List<Reading> list() {
        return readings;
    }

    int size() {
        return readings.size();
    }

    /** Without the first {@code count} readings (the start of a stream). */
    LevelReadings skip(int count) {
        return new LevelReadings(readings.subList(Math.min(count, readings.size()), readings.size()));
    }

    /** The readings stamped before {@code epochMillis}. */
    LevelReadings before(long epochMillis) {
        return filter(reading -> reading.timestampUs() < epochMillis * 1_000);
    }

    /** The readings stamped at or after {@code epochMillis}. */
    LevelReadings from(long epochMillis) {
        return filter(reading -> reading.timestampUs() >= epochMillis * 1_000);
    }

    LevelReadings filter(Predicate<Reading> keep) {
        return new LevelReadings(readings.stream().filter(keep).toList());
    }

    /** The mean rms; fails when there is no reading. */
    double meanRms() {
        return readings.stream().mapToDouble(Reading::rms).average().orElseThrow(() -> new AssertionError("no level readings"));
    }

    /** The mean rms without the first two and the last reading (the stream's edges, codec start-up). */
    double steadyRms() {
        return skip(2).filter(r -> r != readings.get(readings.size() - 1)).meanRms();
    }

    /** The longest time between two consecutive readings, in ms (0 with fewer than two). */
    double longestGapMs() {
        long longest = 0;
        for (int i = 1; i < readings.size(); i++) {
            longest = Math.max(longest, readings.get(i).timestampUs() - readings.get(i - 1).timestampUs());
        }
        return longest / 1_000.0;
    }

    @Override
    public String toString() {
        return readings.size() + " readings" + (readings.isEmpty() ? "" : " from " + readings.get(0) + " to " + readings.get(readings.size() - 1));
    }
}
