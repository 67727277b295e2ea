package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.FfmpegRuntime;

/** libopus as linked into FFmpeg (codecs.ffmpeg): always present, the fallback {@link OpusCodec}. */
final class FfmpegOpusCodec implements OpusCodec {

    static final FfmpegOpusCodec INSTANCE = new FfmpegOpusCodec();

    private FfmpegOpusCodec() {
    }

    @Override
    public String name() {
        return "FFmpeg libopus";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public void load() throws NodeException {
        FfmpegRuntime.load();
    }

    @Override
    public OpusFrameEncoder encoder(int channels, int bitrate) throws NodeException {
        return new FfmpegOpusEncoder(channels, bitrate);
    }

    @Override
    public OpusFrameDecoder decoder() throws NodeException {
        return new FfmpegOpusDecoder();
    }
}
