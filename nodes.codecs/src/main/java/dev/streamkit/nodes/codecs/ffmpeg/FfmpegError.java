package dev.streamkit.nodes.codecs.ffmpeg;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's negative return codes: the two that steer the send/receive loops, and readable messages. */
public final class FfmpegError {

    private static final int MESSAGE_BYTES = 128;

    private FfmpegError() {
    }

    /** {@code AVERROR(EAGAIN)}: the codec wants the other side of the send/receive pair first. */
    public static boolean isAgain(int code) {
        return code == avutil.AVERROR_EAGAIN();
    }

    /** {@code AVERROR_EOF}: the codec was drained. */
    public static boolean isEof(int code) {
        return code == avutil.AVERROR_EOF();
    }

    /** The message for {@code code}, e.g. {@code "Invalid data found when processing input (-1094995529)"}. */
    public static String describe(int code) {
        byte[] text = new byte[MESSAGE_BYTES];
        if (avutil.av_strerror(code, text, text.length) < 0) return "FFmpeg error " + code;
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + code + ")";
    }
}
