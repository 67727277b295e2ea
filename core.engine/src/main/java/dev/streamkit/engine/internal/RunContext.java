package dev.streamkit.engine.internal;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.TelemetryEvent;

/** What a node slot needs from the run it belongs to. */
interface RunContext {

    /** How log lines name the run: the session id, or "oneshot". */
    default String label() {
        return "oneshot";
    }

    boolean isCancelled();

    /** Runs a task on the run's pool, counted so that nodes are closed only after every task left. */
    void execute(Runnable task);

    /** The slot finished normally. */
    void slotFinished(NodeSlot slot);

    /** The slot failed; the run ends with this error unless it already ended. */
    void slotFailed(NodeSlot slot, NodeException error);

    /** The node reported a state of its own (e.g. degraded); ignored unless the run tracks states. */
    default void slotState(NodeSlot slot, NodeState state) {
    }

    /** The node published a telemetry event; ignored unless the run has observers (sessions). */
    default void slotTelemetry(NodeSlot slot, TelemetryEvent event) {
    }

    /** The engine's timers for {@code Outputs.wakeAt}, or {@code null} when this run has none. */
    default TimerWheel timers() {
        return null;
    }

    /** The slot handed one more packet to its node (for packet-count driven stats). */
    default void slotReceived(NodeSlot slot) {
    }

    /** A source slot sent one more packet (for packet-count driven stats). */
    default void slotSent(NodeSlot slot) {
    }
}
