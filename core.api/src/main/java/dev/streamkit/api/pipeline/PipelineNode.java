package dev.streamkit.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a pipeline: its kind and its params as given ({@code null} when the YAML had none).
 */
public record PipelineNode(String kind, Map<String, Object> params) {

    public PipelineNode {
        Objects.requireNonNull(kind, "kind");
        params = params == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
