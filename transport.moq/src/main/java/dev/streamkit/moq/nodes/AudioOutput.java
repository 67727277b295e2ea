package dev.streamkit.moq.nodes;

import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.session.BroadcastProducer;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.TrackProducer;

/**
 * Writes Opus packets into a hang broadcast: the catalog once on {@value HangCatalog.TRACK}, each packet
 * as a legacy-container frame on {@value HangAudio#AUDIO_TRACK}, in groups placed by an {@link OutputTimeline}.
 * Every reader of the broadcast (local or remote) sees the same groups. One writer thread.
 */
final class AudioOutput implements AutoCloseable {

    private final BroadcastProducer broadcast;
    private final TrackProducer catalog;
    private final TrackProducer audio;
    private final OutputTimeline timeline;
    private GroupProducer group;

    AudioOutput(BroadcastProducer broadcast, int channels, int bitrate, OutputTimeline timeline) {
        this.broadcast = broadcast;
        this.timeline = timeline;
        this.catalog = broadcast.createTrack(HangCatalog.TRACK, HangAudio.CATALOG_PRIORITY);
        GroupProducer description = catalog.appendGroup();
        description.writeFrame(HangAudio.catalog(channels, bitrate));
        description.finish();
        this.audio = broadcast.createTrack(HangAudio.AUDIO_TRACK, HangAudio.AUDIO_PRIORITY);
    }

    /** Appends one Opus packet. */
    void write(BinaryPacket packet) {
        OutputTimeline.Slot slot = timeline.next(packet.metadata().durationUs() == null ? 0 : packet.metadata().durationUs());
        if (slot.newGroup() || group == null) {
            if (group != null) group.finish();
            group = audio.appendGroup();
        }
        group.writeFrame(HangAudio.frame(slot.timestampUs(), packet.data()));
        if (slot.endsGroup()) {
            group.finish();
            group = null;
        }
    }

    /** The broadcast written, to publish on sessions. */
    BroadcastProducer broadcast() {
        return broadcast;
    }

    /** How many readers the audio track has now. */
    int readers() {
        return audio.consumerCount();
    }

    /** Finishes the open group and ends the broadcast. */
    @Override
    public void close() {
        if (group != null) group.finish();
        audio.close();
        catalog.close();
        broadcast.close();
    }
}
