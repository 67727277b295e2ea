/**
 * What the two pacers ({@code core::pacer}, {@code audio::pacer}) share: their tunable {@code speed}
 * ({@link dev.streamkit.nodes.core.pacing.PacerSpeed}) and holding a packet until an engine timer releases
 * it ({@link dev.streamkit.nodes.core.pacing.HeldPacket}).
 *
 * <p>Private, not exported: {@code nodes.audio} compiles its own copy in with bnd's
 * {@code -conditionalpackage}, like {@code dev.streamkit.nodes.core.telemetry}. Keep this package free of
 * imports other than {@code core.api} and the JDK.
 */
package dev.streamkit.nodes.core.pacing;
