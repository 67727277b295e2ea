package dev.streamkit.api.node;

import dev.streamkit.api.packet.Packet;
import java.util.Map;

/**
 * A processing step in a pipeline. The engine calls a node from one thread at a time (never
 * concurrently), and a node ends explicitly through {@link Outputs#finish()} or {@link Outputs#fail}.
 *
 * <pre>
 *   file_reader ──out→in── wav::demuxer ──out→in── audio::gain ──out→in── wav::muxer ──out→in── http_output
 *    (source,                (non-blocking,          (non-blocking,         (non-blocking)
 *     BLOCKING: own worker)   inline)                 inline)
 * </pre>
 *
 * <p>How the engine runs a node:
 * <ul>
 *   <li>A {@link Invocation#NON_BLOCKING} node fed by one upstream runs inline on the upstream's thread:
 *       {@code send} is a method call and backpressure is the call stack. It must not block or sleep.</li>
 *   <li>A {@link Invocation#BLOCKING} node (models, file or network I/O, sleeps), or one fed by several
 *       upstreams, gets a bounded mailbox drained by a pooled worker; control messages overtake packets.</li>
 *   <li>A {@link Invocation#COMPUTE} node (codecs) does CPU work without ever waiting: a live session runs
 *       it inline, as a real-time chain is cheapest on one thread; a oneshot run gives it a mailbox so a
 *       batch job spreads over the cores.</li>
 *   <li>A source (a node without inputs) starts producing in {@link #onStart} once the whole graph is
 *       ready, and returns when it is done or cancelled.</li>
 * </ul>
 *
 * <p>A gain filter, complete:
 * <pre>{@code
 * final class GainNode implements Node {
 *     private volatile float gain;
 *     public void onPacket(String pin, Packet packet, Outputs out) {
 *         AudioFrame in = (AudioFrame) packet;
 *         float[] s = in.samples().clone();
 *         for (int i = 0; i < s.length; i++) s[i] *= gain;
 *         out.send("out", new AudioFrame(in.sampleRate(), in.channels(), s, in.metadata()));
 *     }
 * }
 * }</pre>
 * The default {@link #onInputEnd} finishes the node when its input ends; override it to flush buffered
 * data first, or to wait for several inputs.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Node {

    /** How the engine schedules a node. */
    enum Invocation {
        /** Cheap, never blocks: runs inline on the caller's thread. */
        NON_BLOCKING,
        /** May block or take long: runs on a pooled worker behind a bounded mailbox. */
        BLOCKING,
        /**
         * CPU-bound (tens of microseconds a packet), never waits for I/O or time: inline in live sessions,
         * behind a mailbox in oneshot runs. Since 1.1.
         */
        COMPUTE
    }

    /** The scheduling this node needs; constant for the node's life. */
    default Invocation invocation() {
        return Invocation.NON_BLOCKING;
    }

    /**
     * Sources: produce packets until done, then {@link Outputs#finish()}; returning counts as finishing.
     * Called once. A {@link NodeDefinition#bidirectional() bidirectional} node with inputs (a network
     * transport) is started too in live sessions, once, before its sources produce and like its other calls
     * (never concurrently with them): it must return at once, and may keep {@code out} to send what its own
     * network threads receive (such a send waits while a downstream mailbox is full). Its return ends nothing.
     */
    default void onStart(Outputs out) throws Exception {
    }

    /** Handles one packet arriving on {@code inputPin}. */
    default void onPacket(String inputPin, Packet packet, Outputs out) throws Exception {
    }

    /** Handles a control message ({@link ControlMessage.UpdateParams}, ...); overtakes queued packets. */
    default void onControl(ControlMessage message, Outputs out) throws Exception {
    }

    /** A timer requested with {@link Outputs#wakeAt} is due. Since 1.1. */
    default void onTimer(Outputs out) throws Exception {
    }

    /** The stream on {@code inputPin} ended. The default finishes the node. */
    default void onInputEnd(String inputPin, Outputs out) throws Exception {
        out.finish();
    }

    /**
     * The stream on {@code inputPin} ended because the node feeding it failed ({@code cause} names that
     * node and its reason), as opposed to a clean {@link #onInputEnd}. The default treats it as an end
     * ({@link #onInputEnd}), so a muxer still writes its trailer; if the node ends during this call, the
     * engine reports it stopped by the upstream failure and passes the failure on downstream. Override
     * it to fail instead, or to go on with other inputs. Since 1.2.
     */
    default void onInputFailed(String inputPin, NodeException cause, Outputs out) throws Exception {
        onInputEnd(inputPin, out);
    }

    /**
     * A successor of this node is about to take over (its plugin bundle is being upgraded): returns the
     * state the successor should start from, or an empty map to let it start fresh. Called once, after the
     * node's last call returned and before {@link #close}; values must be JDK or {@code dev.streamkit.api}
     * types (the successor's classes come from another class loader). The successor reads it from
     * {@link NodeContext#inheritedState()}. Since 1.2.
     */
    default Map<String, Object> handOver() {
        return Map.of();
    }

    /** The MIME type of the bytes this node emits, if it knows it (muxers, encoders); else {@code null}. */
    default String contentType() {
        return null;
    }

    /** Releases resources (native memory, threads, files). Called exactly once, after the node ended. */
    default void close() {
    }
}
