package dev.streamkit.api.testing;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double for {@link Outputs}: records every packet sent, and whether the node finished or failed.
 * Shared by the node modules' unit tests (core.api test-jar).
 */
public final class RecordingOutputs implements Outputs {

    /** A packet and the pin it was sent on. */
    public record Sent(String pin, Packet packet) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<NodeState> states = new ArrayList<>();
    private final List<TelemetryEvent> events = new ArrayList<>();
    private boolean finished;
    private NodeException failure;
    private volatile boolean cancelled;

    @Override
    public synchronized void send(String outputPin, Packet packet) {
        if (cancelled) throw new java.util.concurrent.CancellationException("cancelled");
        if (finished || failure != null) return;
        sent.add(new Sent(outputPin, packet));
    }

    @Override
    public synchronized void finish() {
        finished = true;
    }

    @Override
    public synchronized void fail(NodeException error) {
        if (failure == null) failure = error;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public synchronized void state(NodeState state) {
        states.add(state);
    }

    /** Makes further sends throw, as the engine does after cancellation. */
    public void cancel() {
        cancelled = true;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The packets sent, in order, cast to {@code type}. */
    public synchronized <T extends Packet> List<T> packets(Class<T> type) {
        return sent.stream().map(Sent::packet).map(type::cast).toList();
    }

    public synchronized boolean finished() {
        return finished;
    }

    public synchronized NodeException failure() {
        return failure;
    }

    public synchronized List<NodeState> states() {
        return List.copyOf(states);
    }

    @Override
    public synchronized void telemetry(TelemetryEvent event) {
        events.add(event);
    }

    /** Every telemetry event published, in order. */
    public synchronized List<TelemetryEvent> events() {
        return List.copyOf(events);
    }

    /** The telemetry events of one type, in order. */
    public synchronized List<TelemetryEvent> events(String eventType) {
        return events.stream().filter(e -> e.eventType().equals(eventType)).toList();
    }
}
