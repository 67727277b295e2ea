package dev.streamkit.moq.nodes;

import dev.streamkit.moq.hang.AudioRendition;
import dev.streamkit.moq.hang.Catalog;
import dev.streamkit.moq.hang.CatalogException;
import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.hang.LegacyFrame;
import dev.streamkit.moq.session.MoqException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hang format as the {@code transport::moq::*} nodes use it: an Opus rendition on track
 * {@value #AUDIO_TRACK} described by the {@value HangCatalog#TRACK} track, frames in the legacy container.
 */
final class HangAudio {

    static final String AUDIO_TRACK = "audio/data";
    /** StreamKit's delivery priorities: the catalog first, then audio. */
    static final int CATALOG_PRIORITY = 100;
    static final int AUDIO_PRIORITY = 80;
    static final int SAMPLE_RATE = 48_000;
    /** Code of a publisher whose catalog cannot be read. */
    static final long BAD_CATALOG = 400;

    private HangAudio() {
    }

    /** The catalog of one Opus rendition on {@value #AUDIO_TRACK}. */
    static byte[] catalog(int channels, int bitrate) {
        return HangCatalog.write(Catalog.audio(AUDIO_TRACK, AudioRendition.opus(SAMPLE_RATE, channels, bitrate), AUDIO_PRIORITY));
    }

    /**
     * The tracks of the Opus renditions in the legacy container that {@code catalogJson} names, in catalog
     * order; empty when it names none (yet).
     *
     * @throws MoqException when the frame is not a hang catalog
     */
    static List<String> audioTracks(byte[] catalogJson) throws MoqException {
        Catalog catalog;
        try {
            catalog = HangCatalog.parse(catalogJson);
        } catch (CatalogException e) {
            throw new MoqException(BAD_CATALOG, e.getMessage());
        }
        List<String> tracks = new ArrayList<>();
        for (Map.Entry<String, AudioRendition> rendition : catalog.audio().entrySet()) {
            if ("opus".equals(rendition.getValue().codec()) && rendition.getValue().isLegacyContainer()) {
                tracks.add(rendition.getKey());
            }
        }
        return tracks;
    }

    /** A legacy-container frame: the timestamp, then the payload. */
    static byte[] frame(long timestampUs, byte[] payload) {
        return new LegacyFrame(timestampUs, payload).encode();
    }

    /** The payload of a legacy-container frame (its timestamp stripped; empty for a marker). */
    static byte[] payload(byte[] frame) throws MoqException {
        return LegacyFrame.decode(frame).payload();
    }
}
