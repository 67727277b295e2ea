package dev.streamkit.api.testing;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.List;

/** {@link RecordingOutputs} (packets, states, telemetry) that also notes when each packet was sent (ms since construction). */
public final class TimedOutputs implements Outputs {

    /** Everything sent, finished or failed. */
    public final RecordingOutputs recorded = new RecordingOutputs();
    private final long startNanos = System.nanoTime();
    private final List<Double> sendMs = new ArrayList<>();

    @Override
    public synchronized void send(String outputPin, Packet packet) {
        recorded.send(outputPin, packet);
        sendMs.add((System.nanoTime() - startNanos) / 1e6);
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

    /** When each packet was sent, in ms since construction. */
    public synchronized List<Double> sendTimesMs() {
        return List.copyOf(sendMs);
    }

    /** ms since construction. */
    public double elapsedMs() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    @Override
    public void state(NodeState state) {
        recorded.state(state);
    }

    @Override
    public void telemetry(TelemetryEvent event) {
        recorded.telemetry(event);
    }
}
