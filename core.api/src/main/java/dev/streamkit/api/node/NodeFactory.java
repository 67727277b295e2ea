package dev.streamkit.api.node;

import java.util.List;

/**
 * Creates nodes of one kind. Published as an OSGi service with the property
 * {@value #KIND_PROPERTY}{@code =<kind>}; the engine's registry discovers factories as they come and go,
 * so a bundle dropped into {@code deploy/} adds its kinds without a restart.
 *
 * <p>A complete factory, registered as a Declarative Services component:
 * <pre>{@code
 * @Component(property = NodeFactory.KIND_PROPERTY + "=audio::gain")
 * public final class GainFactory implements NodeFactory {
 *     public NodeDefinition definition() { return DEFINITION; }
 *     public Node create(Params params, NodeContext context) { return new GainNode(params); }
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: the engine may call {@link #create} from several threads.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface NodeFactory {

    /** Service property naming the kind a factory creates. */
    String KIND_PROPERTY = "streamkit.node.kind";

    /** The kind's static description. Must return the same value on every call. */
    NodeDefinition definition();

    /**
     * Creates a node. {@code params} were validated against {@link NodeDefinition#params()}; further
     * semantic checks that fail throw {@link NodeException} naming the field.
     */
    Node create(Params params, NodeContext context) throws NodeException;

    /** The input pins a node created with {@code params} will have (e.g. a mixer's {@code in_0..in_N}). */
    default List<InputPin> inputs(Params params) {
        return definition().inputs();
    }

    /** The output pins a node created with {@code params} will have. */
    default List<OutputPin> outputs(Params params) {
        return definition().outputs();
    }
}
