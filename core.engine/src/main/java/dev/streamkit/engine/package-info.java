/**
 * The engine's public face for transports: compile pipeline YAML, look up node kinds, run oneshot
 * pipelines and manage dynamic sessions. Published as the {@link dev.streamkit.engine.Engine} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package dev.streamkit.engine;
