package dev.streamkit.nodes.codecs.webm;

import dev.streamkit.nodes.codecs.opusformat.OpusHead;

/**
 * The WebM initialisation segment for one Opus track: EBML header (DocType {@code webm}), the Segment
 * opened with an unknown size, Info (1 ms timecodes) and Tracks. Together these are what MSE calls an
 * initialization segment; every Cluster after them is a media segment.
 *
 * <p>The track follows the Matroska Opus mapping: CodecID {@code A_OPUS}, CodecPrivate = OpusHead,
 * CodecDelay = pre-skip in nanoseconds, SeekPreRoll = 80 ms.
 */
final class WebmHeader {

    static final String APP = "StreamKit/J";
    static final long SEEK_PRE_ROLL_NS = 80_000_000L;
    static final int TRACK_NUMBER = 1;

    private WebmHeader() {
    }

    static byte[] initSegment(OpusHead head, int sampleRate) {
        EbmlWriter ebml = new EbmlWriter()
                .uint(WebmIds.EBML_VERSION, 1)
                .uint(WebmIds.EBML_READ_VERSION, 1)
                .uint(WebmIds.EBML_MAX_ID_LENGTH, 4)
                .uint(WebmIds.EBML_MAX_SIZE_LENGTH, 8)
                .string(WebmIds.DOC_TYPE, "webm")
                .uint(WebmIds.DOC_TYPE_VERSION, 4)
                .uint(WebmIds.DOC_TYPE_READ_VERSION, 2);
        EbmlWriter info = new EbmlWriter()
                .uint(WebmIds.TIMECODE_SCALE, 1_000_000)
                .string(WebmIds.MUXING_APP, APP)
                .string(WebmIds.WRITING_APP, APP);
        EbmlWriter audio = new EbmlWriter()
                .float64(WebmIds.SAMPLING_FREQUENCY, sampleRate)
                .uint(WebmIds.CHANNELS, head.channels());
        EbmlWriter track = new EbmlWriter()
                .uint(WebmIds.TRACK_NUMBER, TRACK_NUMBER)
                .uint(WebmIds.TRACK_UID, 1)
                .uint(WebmIds.TRACK_TYPE, 2)
                .uint(WebmIds.FLAG_LACING, 0)
                .string(WebmIds.CODEC_ID, "A_OPUS")
                .bytes(WebmIds.CODEC_PRIVATE, head.toBytes())
                .uint(WebmIds.CODEC_DELAY, head.preSkip() * 1_000_000_000L / 48_000)
                .uint(WebmIds.SEEK_PRE_ROLL, SEEK_PRE_ROLL_NS)
                .master(WebmIds.AUDIO, audio);
        return new EbmlWriter()
                .master(WebmIds.EBML, ebml)
                .openUnknownSize(WebmIds.SEGMENT)
                .master(WebmIds.INFO, info)
                .master(WebmIds.TRACKS, new EbmlWriter().master(WebmIds.TRACK_ENTRY, track))
                .toByteArray();
    }
}
