package dev.streamkit.engine.internal;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Params;
import java.util.List;

/** A pipeline node whose kind was found and whose params passed the schema, with its concrete pins. */
public record PlannedNode(String id, String kind, NodeFactory factory, Params params, List<InputPin> inputs,
                          List<OutputPin> outputs) {

    /** The input pin called {@code name}, or the dynamic family admitting it, or {@code null}. */
    public InputPin input(String name) {
        for (InputPin pin : inputs) {
            if (pin.name().equals(name) || pin.cardinality().admits(name)) return pin;
        }
        return null;
    }

    /** The output pin called {@code name}, or the family ({@link OutputPin#family}) admitting it, or {@code null}. */
    public OutputPin output(String name) {
        for (OutputPin pin : outputs) {
            if (pin.admits(name)) return pin;
        }
        return null;
    }

    /** Whether the node produces without inputs (file readers, HTTP input). */
    public boolean isSource() {
        return inputs.isEmpty();
    }
}
