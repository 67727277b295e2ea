package dev.streamkit.nodes.codecs.mp3;

import java.util.Arrays;

/**
 * Trims decoded MP3 audio as FFmpeg's mp3 demuxer does for a LAME tag: the first {@code delay + 529} samples
 * (encoder delay plus the decoder's 528 + 1), and, when the Xing frame gives the frame count {@code n}, the
 * samples in {@code [n * spf - padding + 529, n * spf)}. Audio past the counted frames is kept. Counts sample
 * frames (per channel), decoded in order; no audio is held back.
 */
final class GaplessTrim {

    /** The mp3 decoder's delay plus one, as FFmpeg's demuxer adds to the LAME tag's values. */
    static final int DECODER_DELAY = 528 + 1;

    private final long start;
    private final long endFrom;
    private final long endTo;
    private long position;

    /** The trim a Xing frame asks for; none when it has no LAME tag. */
    GaplessTrim(XingFrame tag) {
        long total = tag.frames() * tag.samplesPerFrame();
        boolean trimEnd = tag.gapless() && tag.frames() > 0 && tag.padding() > DECODER_DELAY;
        this.start = tag.gapless() ? tag.encoderDelay() + DECODER_DELAY : 0;
        this.endFrom = trimEnd ? total - tag.padding() + DECODER_DELAY : Long.MAX_VALUE;
        this.endTo = trimEnd ? total : Long.MAX_VALUE;
    }

    /** The part of the next decoded interleaved samples to emit (possibly all, possibly none). */
    float[] apply(float[] samples, int channels) {
        long from = position;
        long to = from + samples.length / channels;
        position = to;
        long keepFrom = Math.max(from, start);
        if (keepFrom >= to) return new float[0];
        if (keepFrom == from && (endFrom >= to || endTo <= from)) return samples;
        // Kept: [keepFrom, min(to, endFrom)) then [max(keepFrom, endTo), to).
        int headEnd = (int) (Math.max(keepFrom, Math.min(to, endFrom)) - from);
        int tailStart = (int) (Math.max(keepFrom, Math.min(to, endTo)) - from);
        int skip = (int) (keepFrom - from);
        float[] kept = Arrays.copyOfRange(samples, skip * channels, headEnd * channels);
        int head = kept.length;
        kept = Arrays.copyOf(kept, head + samples.length - tailStart * channels);
        System.arraycopy(samples, tailStart * channels, kept, head, samples.length - tailStart * channels);
        return kept;
    }
}
