package dev.streamkit.nodes.codecs.mp3;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.StreamPrelude;

/**
 * What precedes an MP3 stream's audio: ID3v2 tags ({@link Id3v2Skipper}), then possibly a Xing/Info frame as
 * the first MPEG frame ({@link XingFrame}). That first frame (at most {@value XingFrame#MAX_FRAME} bytes) is
 * held until complete: a Xing/Info frame is dropped and its LAME tag trims the decoded audio
 * ({@link GaplessTrim}); any other frame, or bytes that are no layer III header, pass on unchanged and the
 * audio is not trimmed.
 */
final class Mp3StreamHeader implements StreamPrelude {

    private final Id3v2Skipper id3 = new Id3v2Skipper();
    private final byte[] first = new byte[XingFrame.MAX_FRAME];
    private int held;
    private int frameLength;
    private boolean decided;
    private GaplessTrim trim;

    @Override
    public void feed(byte[] data, int offset, int length, PayloadSink sink) throws NodeException {
        id3.feed(data, offset, length, (bytes, at, n) -> afterId3(bytes, at, n, sink));
    }

    @Override
    public void end(PayloadSink sink) throws NodeException {
        id3.end((bytes, at, n) -> afterId3(bytes, at, n, sink));
        if (!decided && held > 0) sink.accept(first, 0, held);
        decided = true;
    }

    @Override
    public float[] decoded(float[] samples, int channels) {
        return trim == null ? samples : trim.apply(samples, channels);
    }

    private void afterId3(byte[] data, int offset, int length, PayloadSink sink) throws NodeException {
        int at = offset;
        int end = offset + length;
        // Two steps at most: the 4-byte header, then the rest of the frame.
        for (int step = 0; step < 2 && !decided && at < end; step++) {
            int want = held < XingFrame.HEADER ? XingFrame.HEADER : frameLength;
            int n = Math.min(want - held, end - at);
            System.arraycopy(data, at, first, held, n);
            held += n;
            at += n;
            if (held < XingFrame.HEADER) break;
            if (held == XingFrame.HEADER) frameLength = XingFrame.frameLength(first);
            if (frameLength < 0) {
                decide(null, sink);
            } else if (held == frameLength) {
                decide(XingFrame.parse(first, held), sink);
            }
        }
        if (decided && at < end) sink.accept(data, at, end - at);
    }

    private void decide(XingFrame tag, PayloadSink sink) throws NodeException {
        decided = true;
        if (tag == null) {
            sink.accept(first, 0, held);
        } else {
            trim = new GaplessTrim(tag);
        }
    }
}
