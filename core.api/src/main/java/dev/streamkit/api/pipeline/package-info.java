/** The compiled pipeline model: nodes, connections and the engine mode, as StreamKit serializes it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.api.pipeline;
