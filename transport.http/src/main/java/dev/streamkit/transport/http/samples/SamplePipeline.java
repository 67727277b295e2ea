package dev.streamkit.transport.http.samples;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * StreamKit's {@code SamplePipeline} as listed and returned by the samples routes.
 *
 * @param id          {@code <subdir>/<file base name>}, e.g. {@code oneshot/double_volume}
 * @param name        the YAML's {@code name}, else the title-cased file name
 * @param description the YAML's {@code description}, else empty
 * @param yaml        the file's text
 * @param isSystem    whether the sample lives outside {@code user/}
 * @param mode        {@code oneshot} or {@code dynamic} (the YAML's {@code mode}, default dynamic)
 * @param isFragment  the name is the fallback and the description is empty
 */
public record SamplePipeline(String id, String name, String description, String yaml,
                             @JsonProperty("is_system") boolean isSystem, String mode,
                             @JsonProperty("is_fragment") boolean isFragment) {
}
