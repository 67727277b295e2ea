package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;

/**
 * The system's libopus through JNA ({@link LibOpus}): the same codec as FFmpeg's, but the distribution's
 * optimized build (about three times faster than the one linked into Bytedeco's FFmpeg).
 */
final class SystemOpusCodec implements OpusCodec {

    private final String name;

    private SystemOpusCodec(String name) {
        this.name = name;
    }

    /**
     * Binds the system library.
     *
     * @throws LinkageError when JNA or {@code libopus.so.0} is not available
     */
    static SystemOpusCodec bind() {
        return new SystemOpusCodec("system " + LibOpus.opus_get_version_string() + " (JNA)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public void load() {
        // bound when this instance was made
    }

    @Override
    public OpusFrameEncoder encoder(int channels, int bitrate) throws NodeException {
        return new SystemOpusEncoder(channels, bitrate);
    }

    @Override
    public OpusFrameDecoder decoder() throws NodeException {
        return new SystemOpusDecoder();
    }

    /** Fails with libopus's description of a negative result. */
    static void check(int result, String what) throws NodeException {
        if (result < 0) throw failure(what, result);
    }

    /** A runtime failure described by libopus's text for {@code error}. */
    static NodeException failure(String what, int error) {
        return NodeException.runtime(what + ": " + LibOpus.opus_strerror(error), null);
    }
}
