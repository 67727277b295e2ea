package dev.streamkit.moq.nodes;

import dev.streamkit.moq.hang.AudioRendition;
import dev.streamkit.moq.hang.Catalog;
import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.TrackProducer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hang broadcast with several Opus renditions, as a publisher offering more than one audio track would send
 * it: a catalog naming every track in order, and a group of one legacy frame per {@link #write}.
 */
final class Renditions {

    final LocalBroadcast broadcast;
    private final Map<String, TrackProducer> tracks = new LinkedHashMap<>();

    Renditions(String path, String... trackNames) {
        broadcast = new LocalBroadcast(path);
        Map<String, AudioRendition> audio = new LinkedHashMap<>();
        for (String name : trackNames) audio.put(name, AudioRendition.opus(HangAudio.SAMPLE_RATE, 1, 64_000));
        GroupProducer catalog = broadcast.createTrack(HangCatalog.TRACK, HangAudio.CATALOG_PRIORITY).appendGroup();
        catalog.writeFrame(HangCatalog.write(new Catalog(audio, HangAudio.AUDIO_PRIORITY, Map.of())));
        catalog.finish();
        for (String name : trackNames) tracks.put(name, broadcast.createTrack(name, HangAudio.AUDIO_PRIORITY));
    }

    /** Whether every track has a reader. */
    boolean allRead() {
        return tracks.values().stream().allMatch(track -> track.consumerCount() > 0);
    }

    /** How many readers {@code track} has. */
    int readers(String track) {
        return tracks.get(track).consumerCount();
    }

    /** Writes {@code payload} on {@code track} as a group of one frame. */
    void write(String track, byte[] payload, long timestampUs) {
        GroupProducer group = tracks.get(track).appendGroup();
        group.writeFrame(HangAudio.frame(timestampUs, payload));
        group.finish();
    }
}
