package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;

/**
 * A libopus binding the Opus nodes encode and decode with: the system's {@code libopus.so.0} through JNA
 * ({@link SystemOpusCodec}) or the copy statically linked into FFmpeg ({@link FfmpegOpusCodec}).
 * {@link OpusCodecs#preferred()} picks one per JVM. Implementations are stateless and thread-safe; the
 * encoders and decoders they open are owned by one node.
 */
interface OpusCodec {

    /** A short name for logs and test output, e.g. {@code system libopus 1.3.1}. */
    String name();

    /** Loads the natives now, so that a node fails when it is created rather than at its first frame. */
    void load() throws NodeException;

    /** Opens an encoder as StreamKit's (see {@link OpusFrameEncoder}) for 1 or 2 channels. */
    OpusFrameEncoder encoder(int channels, int bitrate) throws NodeException;

    /** Opens a 48 kHz mono decoder (see {@link OpusFrameDecoder}). */
    OpusFrameDecoder decoder() throws NodeException;
}
