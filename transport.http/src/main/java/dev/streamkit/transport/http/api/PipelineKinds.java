package dev.streamkit.transport.http.api;

import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.security.AccessDenied;
import dev.streamkit.security.Role;
import dev.streamkit.transport.http.oneshot.HttpNodeDefinitions;
import java.util.Map;

/**
 * The {@code allowed_nodes}/{@code allowed_plugins} check of a whole pipeline. The oneshot-only
 * {@code streamkit::http_input}/{@code http_output} kinds are exempt: oneshot runs need them whatever the
 * role, and sessions refuse them with the engine's own message.
 */
public final class PipelineKinds {

    private PipelineKinds() {
    }

    /** Throws for the first node, in pipeline order, whose kind {@code role} may not use. */
    public static void require(Role role, Pipeline pipeline) throws AccessDenied {
        for (Map.Entry<String, PipelineNode> node : pipeline.nodes().entrySet()) {
            String kind = node.getValue().kind();
            if (isExempt(kind)) continue;
            try {
                role.requireNodeKind(kind);
            } catch (AccessDenied denied) {
                throw denied.inNode(node.getKey());
            }
        }
    }

    /** Throws unless {@code role} may use {@code kind} (exempt kinds pass). */
    public static void require(Role role, String kind) throws AccessDenied {
        if (!isExempt(kind)) role.requireNodeKind(kind);
    }

    private static boolean isExempt(String kind) {
        return kind.equals(HttpNodeDefinitions.INPUT_KIND) || kind.equals(HttpNodeDefinitions.OUTPUT_KIND);
    }
}
