package dev.streamkit.api.node;

import java.util.Map;

/**
 * Messages the engine sends to a node outside the data path. They overtake queued packets.
 * JSON forms: {@code {"UpdateParams": {...}}}, {@code "Start"}, {@code "Shutdown"}.
 */
public interface ControlMessage {

    /** Change tunable parameters while running; {@code params} were validated against the schema. */
    record UpdateParams(Params params) implements ControlMessage {
    }

    /** Stop promptly: finish or fail, then return. */
    record Shutdown() implements ControlMessage {
    }

    /** Convenience for {@code new UpdateParams(Params.of(values))}. */
    static UpdateParams updateParams(Map<String, ?> values) {
        return new UpdateParams(Params.of(values));
    }
}
