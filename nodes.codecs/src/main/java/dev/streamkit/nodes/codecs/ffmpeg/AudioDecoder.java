package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.NodeException;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An opened FFmpeg audio decoder with its reusable packet and frame: packets in, interleaved f32 out.
 * Owned by one node (one thread at a time); {@link #close()} frees all native memory and is idempotent.
 */
public final class AudioDecoder implements AutoCloseable {

    /** Receives decoded audio: interleaved f32 at the decoder's rate and channel count. */
    public interface FrameSink {
        void accept(float[] samples, int sampleRate, int channels) throws NodeException;
    }

    /** Bound on frames drained per packet; codecs emit one or a few. */
    private static final int MAX_FRAMES_PER_SEND = 1_024;

    private AVCodecContext context;
    private AVPacket packet;
    private AVFrame frame;
    private final int codecId;
    private long rejected;

    private AudioDecoder(AVCodecContext context, int codecId) {
        this.context = context;
        this.codecId = codecId;
        this.packet = avcodec.av_packet_alloc();
        this.frame = avutil.av_frame_alloc();
    }

    /**
     * Opens the first available decoder among {@code names} (e.g. {@code libopus, opus}).
     *
     * @param configure sets context fields before opening (rate, layout, extradata)
     */
    public static AudioDecoder open(String[] names, Consumer<AVCodecContext> configure) throws NodeException {
        FfmpegRuntime.load();
        AVCodec codec = null;
        for (String name : names) {
            codec = avcodec.avcodec_find_decoder_by_name(name);
            if (codec != null && !codec.isNull()) break;
        }
        if (codec == null || codec.isNull()) throw NodeException.runtime("no FFmpeg decoder among " + String.join(", ", names), null);
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) throw NodeException.runtime("out of memory for a decoder", null);
        AudioDecoder decoder = new AudioDecoder(context, codec.id());
        try {
            configure.accept(context);
            int ret = avcodec.avcodec_open2(context, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
            if (ret < 0) throw NodeException.runtime("cannot open decoder " + codec.name().getString() + ": " + FfmpegError.describe(ret), null);
        } catch (NodeException | RuntimeException e) {
            decoder.close();
            throw e;
        }
        return decoder;
    }

    /** The FFmpeg codec id (for a matching parser). */
    public int codecId() {
        return codecId;
    }

    /** Packets or frames the decoder refused as invalid so far. */
    public long rejected() {
        return rejected;
    }

    AVCodecContext context() {
        return context;
    }

    /** Decodes {@code length} bytes of {@code data}; false (and counted) if the decoder refused them. */
    public boolean decode(byte[] data, int offset, int length, FrameSink sink) throws NodeException {
        if (!newPacket(length)) return false;
        packet.data().put(data, offset, length);
        return sendAndDrain(sink);
    }

    /** As {@link #decode(byte[], int, int, FrameSink)} for native bytes (a parser's output). */
    public boolean decode(BytePointer data, int length, FrameSink sink) throws NodeException {
        if (!newPacket(length)) return false;
        Pointer.memcpy(packet.data(), data, length);
        return sendAndDrain(sink);
    }

    /** Signals end of stream and emits what the decoder still holds. */
    public void drain(FrameSink sink) throws NodeException {
        if (avcodec.avcodec_send_packet(context, null) < 0) return;
        receiveAll(sink);
    }

    private boolean newPacket(int length) {
        avcodec.av_packet_unref(packet);
        if (length <= 0 || avcodec.av_new_packet(packet, length) < 0) {
            rejected++;
            return false;
        }
        return true;
    }

    private boolean sendAndDrain(FrameSink sink) throws NodeException {
        int ret = avcodec.avcodec_send_packet(context, packet);
        avcodec.av_packet_unref(packet);
        if (ret < 0 && !FfmpegError.isAgain(ret)) {
            rejected++;
            return false;
        }
        receiveAll(sink);
        return true;
    }

    private void receiveAll(FrameSink sink) throws NodeException {
        for (int i = 0; i < MAX_FRAMES_PER_SEND; i++) {
            int ret = avcodec.avcodec_receive_frame(context, frame);
            if (ret < 0) {
                if (!FfmpegError.isAgain(ret) && !FfmpegError.isEof(ret)) rejected++;
                return;
            }
            float[] samples = InterleavedSamples.of(frame);
            int rate = frame.sample_rate();
            int channels = frame.ch_layout().nb_channels();
            avutil.av_frame_unref(frame);
            if (samples == null || rate <= 0) {
                rejected++;
            } else if (samples.length > 0) {
                sink.accept(samples, rate, channels);
            }
        }
    }

    @Override
    public void close() {
        if (frame != null) avutil.av_frame_free(frame);
        if (packet != null) avcodec.av_packet_free(packet);
        if (context != null) avcodec.avcodec_free_context(context);
        frame = null;
        packet = null;
        context = null;
    }
}
