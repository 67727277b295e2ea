/**
 * A test kit for StreamKit/J nodes: runs one {@link dev.streamkit.api.node.Node} in a plain unit test,
 * without an engine or OSGi.
 *
 * <ul>
 *   <li>{@link dev.streamkit.testkit.NodeHarness} plays the engine's part: it feeds packets, input ends,
 *       control messages and timer ticks to the node, holds packets back while the node has paused its
 *       input, and turns an exception thrown by the node into a failure, as the engine does;</li>
 *   <li>{@link dev.streamkit.testkit.RecordingOutputs} records what the node sends (per pin), its
 *       telemetry, its state reports, its timer requests and paused input, and how it
 *       {@link dev.streamkit.testkit.Ending ended};</li>
 *   <li>{@link dev.streamkit.testkit.TestNodeContext} is the context a factory creates the node with:
 *       file access confined to given folders, a session id, state inherited from a predecessor.</li>
 * </ul>
 *
 * <pre>{@code
 * NodeHarness harness = NodeHarness.create(new GainFactory(), Map.of("gain", 2.0));
 * harness.feed("in", frame).tune(Map.of("gain", 0.5)).feed("in", frame).endInput("in");
 * List<AudioFrame> sent = harness.outputs().packets("out", AudioFrame.class);
 * assertTrue(harness.outputs().ending().finished());
 * }</pre>
 */
package dev.streamkit.testkit;
