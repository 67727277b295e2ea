/**
 * Packets that flow between nodes, their metadata, and the packet type system used to check connections.
 *
 * <p>{@link dev.streamkit.api.packet.Packet} is a {@code @ProviderType}: the packet records here are its
 * only implementations (the engine and the type system know each one); a plugin carries its own data in a
 * {@link dev.streamkit.api.packet.CustomPacket}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.api.packet;
