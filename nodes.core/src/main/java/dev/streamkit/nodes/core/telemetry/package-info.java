/**
 * Telemetry helpers shared by node bundles: a {@link dev.streamkit.nodes.core.telemetry.TokenBucket} that
 * rate-limits events and {@link dev.streamkit.nodes.core.telemetry.MissedDeadlines}, the pacers' report of
 * packets released too late.
 *
 * <p>Private, not exported: {@code nodes.audio} compiles its own copy in with bnd's
 * {@code -conditionalpackage}, so the two bundles share the source without a runtime dependency. Keep
 * this package free of imports other than {@code core.api} and the JDK.
 */
package dev.streamkit.nodes.core.telemetry;
