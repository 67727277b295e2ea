/** The node service contract: factories, nodes, pins, parameters, states and control messages. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package dev.streamkit.api.node;
