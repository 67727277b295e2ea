package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;

/**
 * An opened libopus decoder to 48 kHz mono (a stereo stream is downmixed). Owned by one node;
 * {@link #close()} frees all native state and is idempotent.
 */
interface OpusFrameDecoder extends AutoCloseable {

    /**
     * Decodes one Opus packet.
     *
     * @return the decoded mono samples, empty if the decoder produced none, or {@code null} if it rejected
     *         the packet as invalid
     */
    float[] decode(byte[] packet) throws NodeException;

    @Override
    void close();
}
