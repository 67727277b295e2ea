package dev.streamkit.engine;

/**
 * A running node moved to a new plugin bundle revision (StreamKit/J's {@code nodereplaced} event): the
 * node kept its id, params and connections; only its implementation changed.
 *
 * @param nodeId     the node's id in its session
 * @param kind       its kind
 * @param oldBundle  symbolic name of the bundle that provided the node before
 * @param oldVersion that bundle's version
 * @param newBundle  symbolic name of the bundle providing it now
 * @param newVersion that bundle's version
 */
public record NodeReplacement(String nodeId, String kind, String oldBundle, String oldVersion, String newBundle,
                              String newVersion) {
}
