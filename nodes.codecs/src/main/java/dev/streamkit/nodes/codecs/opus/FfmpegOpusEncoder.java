package dev.streamkit.nodes.codecs.opus;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.nodes.codecs.ffmpeg.FfmpegError;
import dev.streamkit.nodes.codecs.ffmpeg.FfmpegRuntime;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The {@link OpusFrameEncoder} of {@link FfmpegOpusCodec}: FFmpeg's {@code libopus} wrapper (whose defaults
 * are complexity 10 and no FEC), around the libopus linked into FFmpeg.
 */
final class FfmpegOpusEncoder implements OpusFrameEncoder {

    private static final int MAX_PACKETS_PER_FRAME = 16;

    private final int channels;
    private AVCodecContext context;
    private AVFrame frame;
    private AVPacket packet;

    FfmpegOpusEncoder(int channels, int bitrate) throws NodeException {
        FfmpegRuntime.load();
        this.channels = channels;
        AVCodec codec = avcodec.avcodec_find_encoder_by_name("libopus");
        if (codec == null || codec.isNull()) throw NodeException.runtime("FFmpeg has no libopus encoder", null);
        context = avcodec.avcodec_alloc_context3(codec);
        frame = avutil.av_frame_alloc();
        packet = avcodec.av_packet_alloc();
        try {
            open(codec, bitrate);
        } catch (NodeException e) {
            close();
            throw e;
        }
    }

    private void open(AVCodec codec, int bitrate) throws NodeException {
        context.sample_rate(SAMPLE_RATE).sample_fmt(avutil.AV_SAMPLE_FMT_FLT).bit_rate(bitrate);
        avutil.av_channel_layout_default(context.ch_layout(), channels);
        avutil.av_opt_set(context.priv_data(), "application", "audio", 0);
        avutil.av_opt_set(context.priv_data(), "frame_duration", "20", 0);
        avutil.av_opt_set(context.priv_data(), "vbr", "constrained", 0);
        int ret = avcodec.avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (ret < 0) throw NodeException.runtime("cannot open libopus: " + FfmpegError.describe(ret), null);
        frame.nb_samples(FRAME_SAMPLES).format(avutil.AV_SAMPLE_FMT_FLT).sample_rate(SAMPLE_RATE);
        avutil.av_channel_layout_copy(frame.ch_layout(), context.ch_layout());
        ret = avutil.av_frame_get_buffer(frame, 0);
        if (ret < 0) throw NodeException.runtime("cannot allocate an audio frame: " + FfmpegError.describe(ret), null);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public List<byte[]> encode(float[] interleaved, long pts) throws NodeException {
        int ret = avutil.av_frame_make_writable(frame);
        if (ret < 0) throw NodeException.runtime("audio frame not writable: " + FfmpegError.describe(ret), null);
        new FloatPointer(frame.data(0)).put(interleaved, 0, FRAME_SAMPLES * channels);
        frame.pts(pts);
        ret = avcodec.avcodec_send_frame(context, frame);
        if (ret < 0) throw NodeException.runtime("libopus refused a frame: " + FfmpegError.describe(ret), null);
        List<byte[]> packets = new ArrayList<>(1);
        for (int i = 0; i < MAX_PACKETS_PER_FRAME; i++) {
            ret = avcodec.avcodec_receive_packet(context, packet);
            if (FfmpegError.isAgain(ret) || FfmpegError.isEof(ret)) break;
            if (ret < 0) throw NodeException.runtime("libopus failed: " + FfmpegError.describe(ret), null);
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            avcodec.av_packet_unref(packet);
            packets.add(bytes);
        }
        return packets;
    }

    @Override
    public void close() {
        if (packet != null) avcodec.av_packet_free(packet);
        if (frame != null) avutil.av_frame_free(frame);
        if (context != null) avcodec.avcodec_free_context(context);
        packet = null;
        frame = null;
        context = null;
    }
}
