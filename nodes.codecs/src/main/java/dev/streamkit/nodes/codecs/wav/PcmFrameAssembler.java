package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns the raw bytes of a WAV {@code data} chunk, split anywhere, into {@link AudioFrame}s of
 * {@value #FRAME_SIZE} sample frames per channel. A sample frame split across two pieces is held until it
 * is complete. Each frame is timed from its sample position: {@code timestamp_us} of its first sample
 * and a {@code duration_us} that ends where the next frame starts. Not thread-safe (owned by one node).
 */
final class PcmFrameAssembler {

    static final int FRAME_SIZE = 960;

    private final WavFormat format;
    private final int blockAlign;
    private final byte[] carry;
    private int carryFill;
    private float[] pending;
    private int pendingFrames;
    private long position;

    PcmFrameAssembler(WavFormat format) {
        this.format = format;
        this.blockAlign = format.blockAlign();
        this.carry = new byte[blockAlign];
        this.pending = new float[FRAME_SIZE * format.channels()];
    }

    /** Decodes {@code length} bytes, sending each completed frame to {@code sink}. */
    void accept(byte[] bytes, int offset, int length, Consumer<AudioFrame> sink) {
        int end = offset + length;
        if (carryFill > 0) {
            int n = Math.min(blockAlign - carryFill, length);
            System.arraycopy(bytes, offset, carry, carryFill, n);
            carryFill += n;
            offset += n;
            if (carryFill < blockAlign) return;
            decodeBlock(carry, 0, sink);
            carryFill = 0;
        }
        for (; end - offset >= blockAlign; offset += blockAlign) decodeBlock(bytes, offset, sink);
        carryFill = end - offset;
        System.arraycopy(bytes, offset, carry, 0, carryFill);
    }

    /** Sends the last, shorter frame if any audio is pending; an incomplete sample frame is dropped. */
    void flush(Consumer<AudioFrame> sink) {
        carryFill = 0;
        if (pendingFrames > 0) send(Arrays.copyOf(pending, pendingFrames * format.channels()), sink);
    }

    private void decodeBlock(byte[] bytes, int offset, Consumer<AudioFrame> sink) {
        PcmEncoding encoding = format.encoding();
        int step = encoding.bytesPerSample();
        int at = pendingFrames * format.channels();
        for (int c = 0; c < format.channels(); c++, offset += step) pending[at + c] = encoding.decode(bytes, offset);
        if (++pendingFrames == FRAME_SIZE) {
            send(pending, sink);
            pending = new float[FRAME_SIZE * format.channels()];
        }
    }

    private void send(float[] samples, Consumer<AudioFrame> sink) {
        int frames = pendingFrames;
        long timestampUs = timeAt(position);
        position += frames;
        pendingFrames = 0;
        sink.accept(new AudioFrame(format.sampleRate(), format.channels(), samples,
                PacketMetadata.timed(timestampUs, timeAt(position) - timestampUs)));
    }

    private long timeAt(long samplePosition) {
        return samplePosition * 1_000_000L / format.sampleRate();
    }
}
