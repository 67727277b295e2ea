/**
 * The hang media format on top of moq-lite: the {@code catalog.json} track describing a broadcast's renditions
 * ({@link dev.streamkit.moq.hang.HangCatalog}) and the legacy frame container, a varint microsecond timestamp
 * before each codec packet ({@link dev.streamkit.moq.hang.LegacyFrame}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package dev.streamkit.moq.hang;
