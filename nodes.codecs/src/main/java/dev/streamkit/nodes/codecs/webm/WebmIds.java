package dev.streamkit.nodes.codecs.webm;

/** Matroska/WebM element IDs used by the muxer, with their length markers (RFC 9559). */
final class WebmIds {

    static final int EBML = 0x1A45DFA3;
    static final int EBML_VERSION = 0x4286;
    static final int EBML_READ_VERSION = 0x42F7;
    static final int EBML_MAX_ID_LENGTH = 0x42F2;
    static final int EBML_MAX_SIZE_LENGTH = 0x42F3;
    static final int DOC_TYPE = 0x4282;
    static final int DOC_TYPE_VERSION = 0x4287;
    static final int DOC_TYPE_READ_VERSION = 0x4285;

    static final int SEGMENT = 0x18538067;
    static final int INFO = 0x1549A966;
    static final int TIMECODE_SCALE = 0x2AD7B1;
    static final int MUXING_APP = 0x4D80;
    static final int WRITING_APP = 0x5741;

    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int TRACK_NUMBER = 0xD7;
    static final int TRACK_UID = 0x73C5;
    static final int TRACK_TYPE = 0x83;
    static final int FLAG_LACING = 0x9C;
    static final int CODEC_ID = 0x86;
    static final int CODEC_PRIVATE = 0x63A2;
    static final int CODEC_DELAY = 0x56AA;
    static final int SEEK_PRE_ROLL = 0x56BB;
    static final int AUDIO = 0xE1;
    static final int SAMPLING_FREQUENCY = 0xB5;
    static final int CHANNELS = 0x9F;

    static final int CLUSTER = 0x1F43B675;
    static final int TIMECODE = 0xE7;
    static final int SIMPLE_BLOCK = 0xA3;

    private WebmIds() {
    }
}
