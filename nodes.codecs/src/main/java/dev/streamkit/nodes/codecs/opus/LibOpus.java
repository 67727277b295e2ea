package dev.streamkit.nodes.codecs.opus;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few libopus functions the nodes use, bound with JNA direct mapping to the system library
 * ({@code libopus.so.0}, Debian's libopus0). Loading this class fails with a {@link LinkageError} when JNA
 * or the library is missing; {@link OpusCodecs} catches it and falls back to FFmpeg.
 */
final class LibOpus {

    static final int OPUS_APPLICATION_AUDIO = 2049;
    static final int OPUS_SET_BITRATE_REQUEST = 4002;
    static final int OPUS_SET_VBR_REQUEST = 4006;
    static final int OPUS_SET_COMPLEXITY_REQUEST = 4010;
    static final int OPUS_SET_VBR_CONSTRAINT_REQUEST = 4020;
    /** The largest packet libopus makes for one frame (its documentation's recommended buffer). */
    static final int MAX_PACKET_BYTES = 4_000;
    /** Samples per channel in the longest Opus packet: 120 ms at 48 kHz. */
    static final int MAX_FRAME_SAMPLES = 5_760;

    /** Tried in order: the runtime package's soname first (no {@code libopus.so} without libopus-dev). */
    private static final String[] NAMES = {"libopus.so.0", "opus"};
    private static final NativeLibrary LIBRARY = open();
    /** The variadic {@code opus_encoder_ctl}, which direct mapping cannot call; only used when opening. */
    static final Ctl CTL;

    static {
        Native.register(LibOpus.class, LIBRARY);
        CTL = Native.load(LIBRARY.getName(), Ctl.class);
    }

    /** Interface mapping for the variadic call. */
    interface Ctl extends Library {
        int opus_encoder_ctl(Pointer encoder, int request, Object... args);
    }

    private LibOpus() {
    }

    private static NativeLibrary open() {
        UnsatisfiedLinkError failure = null;
        for (String name : NAMES) {
            try {
                return NativeLibrary.getInstance(name);
            } catch (UnsatisfiedLinkError e) {
                failure = e;
            }
        }
        throw failure;
    }

    static native String opus_get_version_string();

    static native String opus_strerror(int error);

    static native Pointer opus_encoder_create(int sampleRate, int channels, int application, int[] error);

    static native int opus_encode_float(Pointer encoder, Pointer pcm, int frameSize, Pointer data, int maxDataBytes);

    static native void opus_encoder_destroy(Pointer encoder);

    static native Pointer opus_decoder_create(int sampleRate, int channels, int[] error);

    static native int opus_decode_float(Pointer decoder, Pointer data, int length, Pointer pcm, int frameSize, int decodeFec);

    static native void opus_decoder_destroy(Pointer decoder);
}
