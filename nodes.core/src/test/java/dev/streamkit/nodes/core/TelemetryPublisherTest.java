package dev.streamkit.nodes.core;

import dev.streamkit.testkit.RecordingOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamkit.api.node.TelemetryEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryPublisherTest {

    private static final long MS = 1_000_000L;

    private final RecordingOutputs out = new RecordingOutputs();
    /** The publisher's clock: only moves when a test moves it. */
    private long nowNanos;

    private void publish(TelemetryPublisher publisher, String type, int count) {
        for (int i = 0; i < count; i++) publisher.publish(TelemetryEvent.now(type, Map.of("i", i)), out);
    }

    @Test
    void limitsEachEventTypeToItsRateSeparately() {
        TelemetryPublisher publisher = new TelemetryPublisher(100, () -> nowNanos);
        publish(publisher, "text.received", 150);
        publish(publisher, "stt.result", 3);
        assertEquals(100, out.events("text.received").size());
        assertEquals(3, out.events("stt.result").size());
        nowNanos += 500 * MS;
        publish(publisher, "text.received", 100);
        assertEquals(150, out.events("text.received").size(), "half a second refills half the bucket");
    }

    @Test
    void zeroDisablesTheLimit() {
        TelemetryPublisher publisher = new TelemetryPublisher(0, () -> nowNanos);
        publish(publisher, "text.received", 1_000);
        assertEquals(1_000, out.events().size());
        publisher.publishHealth(out);
        assertEquals(1_000, out.events().size(), "no drops, no health event");
    }

    @Test
    void reportsDropsAtMostOnceASecond() {
        TelemetryPublisher publisher = new TelemetryPublisher(10, () -> nowNanos);
        publish(publisher, "vad.speech_start", 15);
        publisher.publishHealth(out);
        publish(publisher, "vad.speech_start", 5);
        nowNanos += 999 * MS;
        publisher.publishHealth(out);
        assertEquals(1, out.events("telemetry.health").size());
        assertEquals(Map.of("dropped_due_to_rate_limit", 5L, "dropped_due_to_full", 0L),
                out.events("telemetry.health").get(0).data());
        nowNanos += MS;
        publisher.publishHealth(out);
        assertEquals(2, out.events("telemetry.health").size());
        assertEquals(5L, out.events("telemetry.health").get(1).data().get("dropped_due_to_rate_limit"),
                "the second report counts the drops since the first");
        nowNanos += 5_000 * MS;
        publisher.publishHealth(out);
        assertEquals(2, out.events("telemetry.health").size(), "nothing dropped since");
    }
}
