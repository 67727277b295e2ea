package dev.streamkit.engine;

import dev.streamkit.api.node.NodeFactory;
import dev.streamkit.api.pipeline.Pipeline;
import java.util.Map;

/**
 * The engine service transports use: the live node registry, the YAML compiler, oneshot runs and
 * dynamic sessions. Thread-safe. Implemented by the engine bundle only.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Engine {

    /** The node kinds available now. */
    NodeRegistry registry();

    /** Compiles pipeline YAML with StreamKit's rules. */
    Pipeline compile(String yaml) throws PipelineException;

    /**
     * Checks and prepares a oneshot run. {@code requestNodes} supplies kinds that exist only for this
     * request (StreamKit's {@code streamkit::http_input} / {@code http_output}); they take precedence
     * over the registry. Nothing runs until {@link OneshotRun#start()}.
     *
     * @throws PipelineException when a kind is unknown, params or connections are wrong, a node cannot
     *                           be created, or too many oneshot runs are active
     */
    OneshotRun prepareOneshot(Pipeline pipeline, Map<String, NodeFactory> requestNodes) throws PipelineException;

    /** The dynamic sessions of this engine. */
    SessionManager sessions();
}
