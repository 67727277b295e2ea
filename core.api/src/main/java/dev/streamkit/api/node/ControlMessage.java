package dev.streamkit.api.node;

import java.util.Map;

/**
 * Messages the engine sends to a node outside the data path. They overtake queued packets.
 * JSON forms: {@code {"UpdateParams": {...}}}, {@code "Start"}, {@code "Shutdown"}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ControlMessage {

    /** Change tunable parameters while running; {@code params} were validated against the schema. */
    record UpdateParams(Params params) implements ControlMessage {
    }

    /**
     * Stop promptly: finish or fail, then return. A node may ignore it: after this call the engine finishes
     * the node itself (consumers get end-of-stream, the state is {@code Stopped(shutdown)}).
     */
    record Shutdown() implements ControlMessage {
    }

    /**
     * A live session connected an upstream to input {@code pin} (a dynamic pin such as a mixer's
     * {@code in_3} may be new). Sent before any packet from that connection; nodes may ignore it.
     */
    record InputConnected(String pin) implements ControlMessage {
    }

    /**
     * A live session removed the last connection into input {@code pin} without ending its stream (the
     * upstream may be connected again); a mixer stops waiting for it. Nodes may ignore it.
     */
    record InputDisconnected(String pin) implements ControlMessage {
    }

    /** Convenience for {@code new UpdateParams(Params.of(values))}. */
    static UpdateParams updateParams(Map<String, ?> values) {
        return new UpdateParams(Params.of(values));
    }
}
