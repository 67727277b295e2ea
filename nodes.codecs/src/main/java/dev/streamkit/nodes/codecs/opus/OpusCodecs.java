package dev.streamkit.nodes.codecs.opus;

import java.lang.System.Logger.Level;

/**
 * Chooses the {@link OpusCodec} once per JVM, on first use: the system libopus when JNA and
 * {@code libopus.so.0} load, else FFmpeg's. The choice is logged once at info. The system property
 * {@value #PROPERTY}{@code =ffmpeg} forces FFmpeg's (for comparisons).
 */
final class OpusCodecs {

    static final String PROPERTY = "skit.opus.codec";
    private static final System.Logger LOG = System.getLogger(OpusCodecs.class.getName());

    private OpusCodecs() {
    }

    /** The codec the nodes use. */
    static OpusCodec preferred() {
        return PreferredHolder.CODEC;
    }

    /** The system libopus, or {@code null} (the reason logged once) when it cannot be bound. */
    static OpusCodec system() {
        return SystemHolder.CODEC;
    }

    private static final class PreferredHolder {
        static final OpusCodec CODEC = choose();

        private static OpusCodec choose() {
            OpusCodec codec = "ffmpeg".equals(System.getProperty(PROPERTY)) ? null : system();
            if (codec == null) codec = FfmpegOpusCodec.INSTANCE;
            LOG.log(Level.INFO, "Opus codec: {0}", codec.name());
            return codec;
        }
    }

    private static final class SystemHolder {
        static final OpusCodec CODEC = bind();

        private static OpusCodec bind() {
            try {
                return SystemOpusCodec.bind();
            } catch (LinkageError e) { // no JNA bundle, no libopus.so.0, or another ABI
                LOG.log(Level.INFO, "system libopus unavailable, using FFmpeg''s libopus: {0}", e.toString());
                return null;
            }
        }
    }
}
