/**
 * FFmpeg (through the {@code codecs.ffmpeg} bundle) for the codec nodes: loading the natives on first use,
 * an opened decoder, a push-style stream parser, sample conversion to interleaved f32, re-chunking into
 * 20 ms-ish frames, and the generic node that decodes a byte stream (FLAC, MP3).
 *
 * <pre>
 *   bytes → StreamPrelude (fLaC header / ID3v2 tag) → StreamParser (av_parser_parse2)
 *         → AudioDecoder (avcodec_send_packet / receive_frame) → InterleavedSamples → AudioChunker → out
 * </pre>
 *
 * NOTE: nothing here may touch an {@code org.bytedeco} class while a factory is merely activated: the natives
 * load on the first node creation ({@link dev.streamkit.nodes.codecs.ffmpeg.FfmpegRuntime#load()}).
 */
package dev.streamkit.nodes.codecs.ffmpeg;
