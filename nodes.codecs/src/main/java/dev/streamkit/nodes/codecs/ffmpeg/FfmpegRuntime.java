package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.NodeException;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Loads FFmpeg's native libraries once, on the first call (i.e. the first FFmpeg node created), never when a
 * bundle starts. JavaCPP extracts them into {@code org.bytedeco.javacpp.cachedir} (set by the launcher).
 */
public final class FfmpegRuntime {

    private static volatile boolean loaded;

    private FfmpegRuntime() {
    }

    /**
     * Ensures the natives are loaded. FFmpeg's own logging is limited to fatal messages: damaged input is
     * counted and reported by the nodes, not printed by the library for every bad frame.
     *
     * @throws NodeException (runtime) when the native libraries cannot be loaded on this platform
     */
    public static void load() throws NodeException {
        if (loaded) return;
        synchronized (FfmpegRuntime.class) {
            if (loaded) return;
            try {
                avutil.av_log_set_level(avutil.AV_LOG_FATAL);
                avcodec.avcodec_version();
                loaded = true;
            } catch (LinkageError e) {
                throw NodeException.runtime("FFmpeg native libraries could not be loaded: " + e, e);
            }
        }
    }
}
