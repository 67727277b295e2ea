package dev.streamkit.api.testing;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.node.TelemetryEvent;
import dev.streamkit.api.packet.Packet;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link TimedOutputs} with engine timers: records the node's {@code wakeAt} request and its paused input,
 * and {@link #fireDueTimer} plays the engine's part (wait for the deadline, call {@code onTimer}).
 */
public final class TimerOutputs implements Outputs {

    /** Everything sent, with send times. */
    public final TimedOutputs timed = new TimedOutputs();
    private long wakeNanos = Long.MIN_VALUE;
    private boolean paused;

    @Override
    public void send(String outputPin, Packet packet) {
        timed.send(outputPin, packet);
    }

    @Override
    public void finish() {
        timed.finish();
    }

    @Override
    public void fail(NodeException error) {
        timed.fail(error);
    }

    @Override
    public boolean isCancelled() {
        return timed.isCancelled();
    }

    @Override
    public void telemetry(TelemetryEvent event) {
        timed.telemetry(event);
    }

    @Override
    public boolean wakeAt(long deadlineNanos) {
        wakeNanos = deadlineNanos;
        return true;
    }

    @Override
    public void pauseInput(boolean paused) {
        this.paused = paused;
    }

    /** Whether the node asked for its input to wait. */
    public boolean paused() {
        return paused;
    }

    /** Whether a timer is pending. */
    public boolean timerPending() {
        return wakeNanos != Long.MIN_VALUE;
    }

    /** Waits for the pending timer's deadline and calls {@code node.onTimer}; false when none is pending. */
    public boolean fireDueTimer(Node node) throws Exception {
        if (!timerPending()) return false;
        long deadline = wakeNanos;
        wakeNanos = Long.MIN_VALUE;
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) LockSupport.parkNanos(left);
        node.onTimer(this);
        return true;
    }
}
