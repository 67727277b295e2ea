package dev.streamkit.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiled pipeline: nodes by id in declaration order, and the connections between their pins.
 * This is the engine's input for both oneshot runs and sessions, and the shape StreamKit returns
 * from "get pipeline".
 */
public record Pipeline(String name, String description, EngineMode mode, Map<String, PipelineNode> nodes,
                       List<Connection> connections) {

    public Pipeline {
        Objects.requireNonNull(mode, "mode");
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        connections = List.copyOf(connections);
    }
}
