package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * Decodes a compressed audio file arriving as binary chunks of any size (FLAC, MP3) and emits its audio at
 * the file's own rate and channel count in frames of {@value AudioChunker#FRAME_SIZE} sample frames, timed
 * from the start of the stream.
 *
 * <p>Damaged input: data the parser or decoder rejects is skipped and counted ({@link #skipped()}), reported
 * once at the end as {@link NodeState#degraded}; decodable audio around it is emitted. The node fails with
 * invalid media when its header is malformed, when nothing at all decoded by the end of input, or when
 * {@value #MAX_BYTES_WITHOUT_AUDIO} bytes in a row yield no audio (random bytes fail fast, memory stays
 * bounded). A truncated file emits the audio that was there and finishes.
 */
public final class StreamDecoderNode implements Node {

    /** Payload bytes in a row without audio before the input is declared undecodable. */
    static final int MAX_BYTES_WITHOUT_AUDIO = 4 * 1024 * 1024;

    private final String formatName;
    private final String[] decoderNames;
    private final StreamPrelude prelude;
    private final AudioChunker chunker = new AudioChunker();
    private AudioDecoder decoder;
    private StreamParser parser;
    private long bytesWithoutAudio;
    private boolean ended;

    /**
     * @param formatName   for messages, e.g. {@code FLAC}
     * @param decoderNames FFmpeg decoders to try in order
     * @param prelude      the header handling of this format
     */
    public StreamDecoderNode(String formatName, String[] decoderNames, StreamPrelude prelude) throws NodeException {
        FfmpegRuntime.load();
        this.formatName = formatName;
        this.decoderNames = decoderNames.clone();
        this.prelude = prelude;
    }

    @Override
    public Invocation invocation() {
        return Invocation.BLOCKING;
    }

    /** Packets or frames skipped as undecodable so far. */
    public long skipped() {
        return decoder == null ? 0 : decoder.rejected();
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (ended) return;
        if (!(packet instanceof BinaryPacket binary)) {
            fail(out, NodeException.invalidMedia("pin '" + inputPin + "' expects binary data, got " + packet.getClass().getSimpleName()));
            return;
        }
        try {
            prelude.feed(binary.data(), 0, binary.data().length, (data, offset, length) -> payload(data, offset, length, out));
        } catch (NodeException e) {
            fail(out, e);
        }
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (ended) return;
        try {
            prelude.end((data, offset, length) -> payload(data, offset, length, out));
            if (parser != null) parser.flush((samples, rate, channels) -> audio(samples, rate, channels, out));
        } catch (NodeException e) {
            fail(out, e);
            return;
        }
        chunker.flush(frame -> out.send("out", frame));
        if (chunker.totalFrames() == 0) {
            fail(out, NodeException.invalidMedia("no decodable " + formatName + " audio in the input"));
            return;
        }
        if (skipped() > 0) out.state(NodeState.degraded(skipped() + " undecodable " + formatName + " packets skipped"));
        ended = true;
        out.finish();
    }

    private void payload(byte[] data, int offset, int length, Outputs out) throws NodeException {
        if (parser == null) open();
        bytesWithoutAudio += length;
        parser.feed(data, offset, length, (samples, rate, channels) -> audio(samples, rate, channels, out));
        if (bytesWithoutAudio > MAX_BYTES_WITHOUT_AUDIO) {
            throw NodeException.invalidMedia("no decodable " + formatName + " audio in " + bytesWithoutAudio + " bytes");
        }
    }

    private void audio(float[] samples, int rate, int channels, Outputs out) {
        bytesWithoutAudio = 0;
        float[] kept = prelude.decoded(samples, channels);
        if (kept.length > 0) chunker.accept(kept, rate, channels, frame -> out.send("out", frame));
    }

    private void open() throws NodeException {
        byte[] extradata = prelude.extradata();
        decoder = AudioDecoder.open(decoderNames, context -> {
            if (extradata == null) return;
            BytePointer copy = new BytePointer(avutil.av_mallocz(extradata.length + avcodec.AV_INPUT_BUFFER_PADDING_SIZE));
            copy.put(extradata, 0, extradata.length);
            // The context owns and frees its extradata.
            context.extradata(copy).extradata_size(extradata.length);
        });
        parser = new StreamParser(decoder);
    }

    private void fail(Outputs out, NodeException error) {
        ended = true;
        out.fail(error);
    }

    @Override
    public void close() {
        if (parser != null) parser.close();
        if (decoder != null) decoder.close();
        parser = null;
        decoder = null;
    }
}
