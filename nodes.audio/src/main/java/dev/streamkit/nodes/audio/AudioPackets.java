package dev.streamkit.nodes.audio;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.Packet;

/** Narrows packets arriving on raw-audio input pins to {@link AudioFrame}. */
final class AudioPackets {

    private AudioPackets() {
    }

    /**
     * Returns {@code packet} as an audio frame.
     *
     * @throws NodeException (invalid media) when something other than raw audio arrived on {@code pin}
     */
    static AudioFrame requireAudio(String pin, Packet packet) throws NodeException {
        if (packet instanceof AudioFrame frame) return frame;
        throw NodeException.invalidMedia("pin '" + pin + "' expects raw audio, got " + packet.getClass().getSimpleName());
    }
}
