package dev.streamkit.moq.nodes;

import dev.streamkit.moq.session.MoqException;

/**
 * The hang format as the {@code transport::moq::*} nodes use it: an Opus rendition on track
 * {@value #AUDIO_TRACK} described by the {@value #CATALOG_TRACK} track, and frames in the legacy container
 * (QUIC varint timestamp in microseconds, then one Opus packet).
 */
final class HangAudio {

    static final String CATALOG_TRACK = "catalog.json";
    static final String AUDIO_TRACK = "audio/data";
    /** StreamKit's delivery priorities: the catalog first, then audio. */
    static final int CATALOG_PRIORITY = 100;
    static final int AUDIO_PRIORITY = 80;
    static final int SAMPLE_RATE = 48_000;

    private HangAudio() {
    }

    /** The catalog of one Opus rendition on {@value #AUDIO_TRACK}. */
    static byte[] catalog(int channels, int bitrate) {
        throw new UnsupportedOperationException("hang catalog: pending the protocol layer");
    }

    /** The name of the first audio rendition's track in {@code catalogJson}, or {@code null} when it has none. */
    static String firstAudioTrack(byte[] catalogJson) throws MoqException {
        throw new UnsupportedOperationException("hang catalog: pending the protocol layer");
    }

    /** A legacy-container frame: the timestamp, then the payload. */
    static byte[] frame(long timestampUs, byte[] payload) {
        throw new UnsupportedOperationException("hang container: pending the protocol layer");
    }

    /** The payload of a legacy-container frame (its timestamp stripped). */
    static byte[] payload(byte[] frame) throws MoqException {
        throw new UnsupportedOperationException("hang container: pending the protocol layer");
    }
}
