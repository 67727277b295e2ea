package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.NodeException;

/**
 * What a byte stream carries before its codec frames: FLAC's {@code fLaC} marker and metadata blocks, MP3's
 * ID3v2 tags. A prelude consumes those bytes as they stream in (never buffering a declared length) and
 * passes the rest on, unchanged, as codec payload.
 */
public interface StreamPrelude {

    /** Receives codec payload bytes. */
    interface PayloadSink {
        void accept(byte[] data, int offset, int length) throws NodeException;
    }

    /** Consumes header bytes from the chunk and passes the payload that follows to {@code sink}. */
    void feed(byte[] data, int offset, int length, PayloadSink sink) throws NodeException;

    /** End of input: passes on bytes still held, or fails if the input ended inside a mandatory header. */
    void end(PayloadSink sink) throws NodeException;

    /**
     * Decoded audio as the header says to present it (MP3's LAME tag trims encoder delay and padding): gets
     * interleaved samples in decoding order, returns those to emit, possibly none. By default all of them.
     */
    default float[] decoded(float[] samples, int channels) {
        return samples;
    }

    /** Codec extradata learnt from the header (FLAC STREAMINFO), or {@code null}; valid once payload flows. */
    default byte[] extradata() {
        return null;
    }
}
