package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;

/** StreamKit's checks of a oneshot pipeline's entry and exit nodes, with its exact messages. */
final class OneshotEntryRules {

    static final String FILE_READER_KIND = "core::file_reader";

    private OneshotEntryRules() {
    }

    /** The first broken rule's message, or {@code null}. */
    static String violation(Pipeline pipeline, boolean hasMedia) {
        long inputs = count(pipeline, HttpNodeDefinitions.INPUT_KIND);
        long outputs = count(pipeline, HttpNodeDefinitions.OUTPUT_KIND);
        if (hasMedia && inputs != 1) {
            return "Pipeline must contain one 'streamkit::http_input' node when media is provided";
        }
        if (!hasMedia && inputs > 0) {
            return "Pipeline cannot contain 'streamkit::http_input' node when no media is provided";
        }
        if (!hasMedia && count(pipeline, FILE_READER_KIND) == 0) {
            return "Pipeline must contain at least one 'core::file_reader' node when no media is provided";
        }
        if (outputs != 1) {
            return "Pipeline must contain one 'streamkit::http_output' node for oneshot processing";
        }
        String outputId = idOf(pipeline, HttpNodeDefinitions.OUTPUT_KIND);
        boolean connected = pipeline.connections().stream().anyMatch(c -> c.toNode().equals(outputId));
        return connected ? null : "Pipeline execution error: Configuration error: streamkit::http_output node is not connected";
    }

    static String idOf(Pipeline pipeline, String kind) {
        return pipeline.nodes().entrySet().stream().filter(e -> e.getValue().kind().equals(kind))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private static long count(Pipeline pipeline, String kind) {
        return pipeline.nodes().values().stream().map(PipelineNode::kind).filter(kind::equals).count();
    }
}
