package dev.streamkit.nodes.core.telemetry;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.testing.RecordingOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double for {@link Outputs} that also records the telemetry events a node publishes. Shared with
 * nodes.audio's tests through this module's test-jar.
 */
public final class TelemetryOutputs implements Outputs {

    /** Everything sent, finished or failed. */
    public final RecordingOutputs recorded = new RecordingOutputs();
    private final List<TelemetryEvent> events = new ArrayList<>();

    @Override
    public void send(String outputPin, Packet packet) {
        recorded.send(outputPin, packet);
    }

    @Override
    public void finish() {
        recorded.finish();
    }

    @Override
    public void fail(NodeException error) {
        recorded.fail(error);
    }

    @Override
    public boolean isCancelled() {
        return recorded.isCancelled();
    }

    @Override
    public void state(NodeState state) {
        recorded.state(state);
    }

    @Override
    public synchronized void telemetry(TelemetryEvent event) {
        events.add(event);
    }

    /** Every event published, in order. */
    public synchronized List<TelemetryEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one type, in order. */
    public synchronized List<TelemetryEvent> events(String eventType) {
        return events.stream().filter(e -> e.eventType().equals(eventType)).toList();
    }
}
