package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.NodeException;
import org.bytedeco.ffmpeg.avcodec.AVCodecParserContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Splits a byte stream arriving in arbitrary chunks into codec packets with FFmpeg's parser
 * ({@code av_parser_parse2}) and hands each to an {@link AudioDecoder}: push-style, no reader thread.
 * Input is copied into one padded native buffer of {@value #CHUNK} bytes, so memory stays bounded
 * whatever the chunk sizes. Not thread-safe; {@link #close()} is idempotent.
 */
public final class StreamParser implements AutoCloseable {

    /** Bytes handed to the parser per call. */
    static final int CHUNK = 64 * 1024;
    /**
     * End of input: the parser releases at most one pending packet per call, and some calls release none
     * (the FLAC parser first pads the end); stop after a few empty calls in a row.
     */
    private static final int EMPTY_FLUSH_CALLS = 4;
    private static final int MAX_FLUSH_CALLS = 1 << 16;

    private final AudioDecoder decoder;
    private AVCodecParserContext parser;
    private BytePointer input;
    private final BytePointer parsed = new BytePointer();
    private final IntPointer parsedSize = new IntPointer(1);

    /** A parser for {@code decoder}'s codec. */
    public StreamParser(AudioDecoder decoder) throws NodeException {
        this.decoder = decoder;
        this.parser = avcodec.av_parser_init(decoder.codecId());
        if (parser == null || parser.isNull()) throw NodeException.runtime("no FFmpeg parser for codec " + decoder.codecId(), null);
        Pointer buffer = avutil.av_mallocz(CHUNK + avcodec.AV_INPUT_BUFFER_PADDING_SIZE);
        if (buffer == null || buffer.isNull()) {
            close();
            throw NodeException.runtime("out of memory for a parser buffer", null);
        }
        this.input = new BytePointer(buffer);
    }

    /** Parses {@code length} bytes of {@code data} and decodes every complete packet into {@code sink}. */
    public void feed(byte[] data, int offset, int length, AudioDecoder.FrameSink sink) throws NodeException {
        for (int done = 0; done < length; done += CHUNK) {
            int n = Math.min(CHUNK, length - done);
            input.position(0).put(data, offset + done, n);
            input.position(n);
            Pointer.memset(input, 0, avcodec.AV_INPUT_BUFFER_PADDING_SIZE);
            parseBuffer(n, sink);
        }
    }

    private void parseBuffer(int size, AudioDecoder.FrameSink sink) throws NodeException {
        int at = 0;
        // Each call consumes input or emits a packet; the bound covers a parser that does neither.
        for (int calls = 0; at < size && calls <= size + 1; calls++) {
            input.position(at);
            int used = avcodec.av_parser_parse2(parser, decoder.context(), parsed, parsedSize, input, size - at,
                    avutil.AV_NOPTS_VALUE, avutil.AV_NOPTS_VALUE, 0);
            if (used < 0) return;
            at += used;
            int packetSize = parsedSize.get();
            if (packetSize > 0) decoder.decode(parsed, packetSize, sink);
            if (used == 0 && packetSize <= 0) return;
        }
    }

    /** End of input: releases the parser's last packet(s) and drains the decoder. */
    public void flush(AudioDecoder.FrameSink sink) throws NodeException {
        input.position(0);
        for (int i = 0, empty = 0; i < MAX_FLUSH_CALLS && empty < EMPTY_FLUSH_CALLS; i++) {
            avcodec.av_parser_parse2(parser, decoder.context(), parsed, parsedSize, input, 0,
                    avutil.AV_NOPTS_VALUE, avutil.AV_NOPTS_VALUE, 0);
            int packetSize = parsedSize.get();
            if (packetSize > 0) {
                decoder.decode(parsed, packetSize, sink);
                empty = 0;
            } else {
                empty++;
            }
        }
        decoder.drain(sink);
    }

    @Override
    public void close() {
        if (parser != null) avcodec.av_parser_close(parser);
        if (input != null) avutil.av_free(input.position(0));
        if (parser != null || input != null) parsedSize.close();
        parser = null;
        input = null;
    }
}
