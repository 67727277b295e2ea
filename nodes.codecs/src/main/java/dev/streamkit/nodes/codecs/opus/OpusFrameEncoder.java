package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;
import java.util.List;

/**
 * An opened libopus encoder configured as StreamKit's (and as {@code ffmpeg -c:a libopus -vbr constrained}):
 * 48 kHz, application {@code audio}, 20 ms frames, complexity 10, constrained VBR at a given bitrate, mono
 * or stereo. Takes exactly {@value #FRAME_SAMPLES} samples per channel per call. Owned by one node;
 * {@link #close()} frees all native state and is idempotent.
 */
interface OpusFrameEncoder extends AutoCloseable {

    int SAMPLE_RATE = 48_000;
    /** Samples per channel in one 20 ms frame. */
    int FRAME_SAMPLES = 960;

    /** The channel count the encoder was opened with. */
    int channels();

    /**
     * Encodes one frame of {@code FRAME_SAMPLES * channels} interleaved samples; returns the packets out
     * (one for libopus itself).
     *
     * @param pts the frame's first sample position, for backends that track timing
     */
    List<byte[]> encode(float[] interleaved, long pts) throws NodeException;

    @Override
    void close();
}
