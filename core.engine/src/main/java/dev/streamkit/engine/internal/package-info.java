/**
 * The engine's machinery (not exported). This is where its threading model is written down; keep it true.
 *
 * <h2>Which thread runs what</h2>
 * <table>
 *   <caption>Engine threads</caption>
 *   <tr><th>thread</th><th>runs</th><th>may it wait?</th></tr>
 *   <tr><td>API threads (Jetty requests, WebSocket frames)</td>
 *       <td>YAML compiling, session create and destroy, graph operations and batches ({@link
 *       dev.streamkit.engine.internal.LiveGraph}), tunes; node creation ({@code NodeFactory.create})</td>
 *       <td>only for a session's graph lock, which is held briefly: an operation never waits for the data
 *       plane (a removed node is retired and closed when its current call returns) and never runs a
 *       listener under that lock</td></tr>
 *   <tr><td>source threads ({@code skit-node-N}, the shared cached pool), one per running source</td>
 *       <td>the source's {@code onStart} and the inline chain after it</td>
 *       <td>yes: the only threads that wait on a full mailbox (they hold nobody else's work); interrupted
 *       when their node is removed or their run ends</td></tr>
 *   <tr><td>a transport's own threads (e.g. {@code transport::moq::peer}'s network readers), started by the
 *       bidirectional node's {@code onStart} ({@link dev.streamkit.engine.internal.NodeSlot#startTransport})</td>
 *       <td>sends through the node's {@code Outputs} and the inline chain after them, outside the node's lock</td>
 *       <td>yes, like a source's thread: no driver, so a full mailbox makes it wait</td></tr>
 *   <tr><td>mailbox workers (the same pool), one drain per mailbox at a time</td>
 *       <td>a blocking or fan-in node's packets, ends and control messages, and the inline chain after it</td>
 *       <td>no: a full downstream mailbox takes the packet beyond its capacity and pauses the node the
 *       worker drains ({@link dev.streamkit.engine.internal.DrivingSlot}) until it drained to half</td></tr>
 *   <tr><td>timer threads ({@code skit-pacing-N}, one per core, at most four, shared by all sessions)</td>
 *       <td>{@code Node.onTimer} (pacers, the clocked mixer) and the inline chain after it</td>
 *       <td>no, as mailbox workers</td></tr>
 *   <tr><td>the scheduler ({@code skit-timer})</td>
 *       <td>periodic {@code nodestatsupdated}, oneshot deadlines, the grace period of plugin upgrades</td>
 *       <td>no</td></tr>
 *   <tr><td>the framework's thread unregistering a node factory (FileInstall, SCR)</td>
 *       <td>{@link dev.streamkit.engine.internal.NodeReplacer#factoryLeaving}: the leaving factory's nodes
 *       finish their call, hand their state over and are closed while their classes still load</td>
 *       <td>for each busy node's current call, at most {@link
 *       dev.streamkit.engine.internal.NodeReplacer#DRAIN_MILLIS} (2 s); successors are created on the pool</td></tr>
 * </table>
 *
 * <h2>Invariants</h2>
 * <ul>
 *   <li>A node is never called concurrently: every call holds its slot's lock (a source's {@code onStart}
 *       excepted, which owns its node alone), and a node switches from inline delivery to a mailbox only
 *       under that lock.</li>
 *   <li>Control messages overtake queued packets: whichever thread owns the node hands them over before
 *       its next packet.</li>
 *   <li>A node is closed exactly once, on the thread that leaves its last call, after it ended, was
 *       removed, was destroyed or was replaced.</li>
 *   <li>A session's events reach its listeners one at a time, in the order they were fired, never on a
 *       thread holding that session's graph lock ({@link dev.streamkit.engine.internal.SessionEvents}).</li>
 *   <li>Oneshot runs use the same slots, with two differences: compute nodes (codecs) sit behind mailboxes
 *       so a batch spreads over the cores, and there are no engine timers (pacers sleep on their mailbox
 *       worker, the clocked mixer runs a clock thread of its own).</li>
 * </ul>
 */
package dev.streamkit.engine.internal;
