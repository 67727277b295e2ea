package dev.streamkit.api.node;

import dev.streamkit.api.packet.PacketType;
import java.util.Objects;

/** An output of a node: its name, the packet type it produces, and its cardinality (usually broadcast). */
public record OutputPin(String name, PacketType producesType, Cardinality cardinality) {

    public OutputPin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(producesType, "producesType");
        Objects.requireNonNull(cardinality, "cardinality");
    }

    /** A broadcast output named {@code name}. */
    public static OutputPin broadcast(String name, PacketType type) {
        return new OutputPin(name, type, Cardinality.BROADCAST);
    }
}
