package dev.streamkit.api.pipeline;

import java.util.Objects;

/** A directed edge from an output pin of one node to an input pin of another. */
public record Connection(String fromNode, String fromPin, String toNode, String toPin, ConnectionMode mode) {

    public Connection {
        Objects.requireNonNull(fromNode);
        Objects.requireNonNull(fromPin);
        Objects.requireNonNull(toNode);
        Objects.requireNonNull(toPin);
        mode = mode == null ? ConnectionMode.RELIABLE : mode;
    }

    /** {@code from.pin -> to.pin}, as used in error messages. */
    @Override
    public String toString() {
        return fromNode + "." + fromPin + " -> " + toNode + "." + toPin;
    }
}
