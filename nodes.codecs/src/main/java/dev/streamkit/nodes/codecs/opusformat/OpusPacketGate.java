package dev.streamkit.nodes.codecs.opusformat;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;

/**
 * Admits packets into an Opus muxer: anything but binary data fails the node (a wiring error), a packet
 * with an impossible TOC is skipped, counted and reported as {@code Degraded}, a good one yields its
 * length. One instance per node, called from the node's thread.
 */
public final class OpusPacketGate {

    /** Returned by {@link #admit} for a packet the muxer must not write. */
    public static final int REJECTED = -1;

    private int invalidPackets;
    private boolean failed;

    /** The packet's length in 48 kHz samples per channel, or {@link #REJECTED}. */
    public int admit(String inputPin, Packet packet, Outputs out) {
        if (failed) return REJECTED;
        if (!(packet instanceof BinaryPacket binary)) {
            failed = true;
            out.fail(NodeException.invalidMedia("pin '" + inputPin + "' expects Opus packets, got "
                    + packet.getClass().getSimpleName()));
            return REJECTED;
        }
        int samples = OpusToc.samples(binary.data());
        if (samples == OpusToc.INVALID) {
            invalidPackets++;
            out.state(NodeState.degraded(invalidPackets + " invalid Opus packets skipped"));
            return REJECTED;
        }
        return samples;
    }

    /** Whether a non-binary packet failed the node. */
    public boolean failed() {
        return failed;
    }

    /** Packets skipped for an impossible TOC. */
    public int invalidPackets() {
        return invalidPackets;
    }
}
