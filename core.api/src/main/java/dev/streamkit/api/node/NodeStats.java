package dev.streamkit.api.node;

/**
 * Packet counters of one node, as reported in {@code nodestatsupdated} events.
 *
 * @param received        packets received on all inputs
 * @param sent            packets sent on all outputs
 * @param discarded       packets dropped on purpose (e.g. undecodable, best-effort overflow)
 * @param errored         packets that caused an error
 * @param durationSecs    seconds since the node started
 */
public record NodeStats(long received, long sent, long discarded, long errored, double durationSecs) {
}
