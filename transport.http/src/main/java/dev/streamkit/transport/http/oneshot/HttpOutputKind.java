package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.NodeFactory;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code streamkit::http_output} (oneshot only) to the node registry. */
@Component(service = NodeFactory.class, property = NodeFactory.KIND_PROPERTY + "=" + HttpNodeDefinitions.OUTPUT_KIND)
public final class HttpOutputKind extends OneshotOnlyKind {

    public HttpOutputKind() {
        super(HttpNodeDefinitions.OUTPUT);
    }
}
