package dev.streamkit.engine;

import java.util.List;
import java.util.Optional;

/**
 * The node kinds available right now, each with the bundle that provides it. Kinds come and go while the
 * server runs (plugin bundles are installed, updated, removed); every call answers for that moment.
 * Implemented by the engine; thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NodeRegistry {

    /** The current provider of {@code kind}. */
    Optional<RegisteredKind> lookup(String kind);

    /** Every kind with its current provider, sorted by kind name. */
    List<RegisteredKind> all();

    /** Up to three known kinds whose names are close to {@code kind}, closest first. */
    List<String> closeMatches(String kind);
}
