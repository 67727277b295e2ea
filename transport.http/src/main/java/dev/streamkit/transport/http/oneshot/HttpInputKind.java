package dev.streamkit.transport.http.oneshot;

import dev.streamkit.api.node.NodeFactory;
import org.osgi.service.component.annotations.Component;

/** Publishes {@code streamkit::http_input} (oneshot only) to the node registry. */
@Component(service = NodeFactory.class, property = NodeFactory.KIND_PROPERTY + "=" + HttpNodeDefinitions.INPUT_KIND)
public final class HttpInputKind extends OneshotOnlyKind {

    public HttpInputKind() {
        super(HttpNodeDefinitions.INPUT);
    }
}
