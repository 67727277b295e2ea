package dev.streamkit.api.node;

import dev.streamkit.api.packet.PacketType;
import java.util.List;
import java.util.Objects;

/**
 * An input of a node: its name, the packet types it accepts (any one matching is enough), and how many
 * connections it takes.
 */
public record InputPin(String name, List<PacketType> acceptsTypes, Cardinality cardinality) {

    public InputPin {
        Objects.requireNonNull(name, "name");
        acceptsTypes = List.copyOf(acceptsTypes);
        Objects.requireNonNull(cardinality, "cardinality");
    }

    /** A single-connection input named {@code name} accepting {@code types}. */
    public static InputPin one(String name, PacketType... types) {
        return new InputPin(name, List.of(types), Cardinality.ONE);
    }
}
