/** Packets that flow between nodes, their metadata, and the packet type system used to check connections. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.api.packet;
