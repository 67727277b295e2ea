/**
 * The {@code transport::moq::*} node kinds. Broadcast → track → group → frame from
 * {@code dev.streamkit.moq.session} carry hang audio: {@link dev.streamkit.moq.nodes.AudioOutput} writes Opus
 * packets into a broadcast (catalog, then timed groups), {@link dev.streamkit.moq.nodes.AudioInput} reads one
 * back. The peer serves a local broadcast to the gateway's watchers and reads its publisher on a thread of its
 * own; the client kinds hold a relay session with {@link dev.streamkit.moq.nodes.ReconnectLoop}.
 */
package dev.streamkit.moq.nodes;
