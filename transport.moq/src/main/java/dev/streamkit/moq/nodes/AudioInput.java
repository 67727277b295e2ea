package dev.streamkit.moq.nodes;

import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.TrackConsumer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads the Opus audio of a hang broadcast: waits (bounded) for a catalog naming an audio rendition, subscribes
 * to the first one, and hands each frame's payload (timestamp stripped, empty marker frames skipped) to a sink,
 * until the track ends. Runs on the caller's thread, which it blocks; an interrupt ends it.
 */
final class AudioInput {

    /** StreamKit's wait for a catalog with an audio rendition. */
    static final Duration CATALOG_WAIT = Duration.ofSeconds(10);
    /** How long one read waits before it checks again whether to stop. */
    private static final Duration READ_SLICE = Duration.ofMillis(500);

    private AudioInput() {
    }

    /**
     * Pumps {@code broadcast}'s audio into {@code payloads} until the track ends cleanly.
     *
     * @throws MoqException when no audio rendition was announced in time, or the track was aborted or lost
     */
    static void pump(BroadcastConsumer broadcast, Duration catalogWait, Consumer<byte[]> payloads)
            throws MoqException, InterruptedException {
        String track = audioTrack(broadcast, catalogWait);
        try (TrackConsumer audio = broadcast.subscribe(track, HangAudio.AUDIO_PRIORITY)) {
            while (true) {
                GroupConsumer group = next(audio);
                if (group == null) return;
                readGroup(group, payloads);
            }
        }
    }

    /** The first audio rendition's track, from the first catalog that names one within {@code wait}. */
    static String audioTrack(BroadcastConsumer broadcast, Duration wait) throws MoqException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (TrackConsumer catalog = broadcast.subscribe(HangCatalog.TRACK, HangAudio.CATALOG_PRIORITY)) {
            while (true) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) break;
                GroupConsumer group;
                byte[] json;
                try {
                    group = catalog.nextGroup(left);
                    if (group == null) break;
                    json = group.readFrame(left);
                } catch (TimeoutException late) {
                    break;
                }
                String track = json == null ? null : HangAudio.firstAudioTrack(json);
                if (track != null) return track;
            }
        }
        throw new MoqException(0, "broadcast '" + broadcast.path() + "' announced no audio rendition within "
                + wait.toSeconds() + " s");
    }

    private static GroupConsumer next(TrackConsumer track) throws MoqException, InterruptedException {
        while (true) {
            try {
                return track.nextGroup(READ_SLICE);
            } catch (TimeoutException idle) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("stopped");
            }
        }
    }

    private static void readGroup(GroupConsumer group, Consumer<byte[]> payloads) throws MoqException, InterruptedException {
        while (true) {
            byte[] frame;
            try {
                frame = group.readFrame(READ_SLICE);
            } catch (TimeoutException idle) {
                if (Thread.currentThread().isInterrupted()) throw new InterruptedException("stopped");
                continue;
            }
            if (frame == null) return;
            byte[] payload = HangAudio.payload(frame);
            if (payload.length > 0) payloads.accept(payload);
        }
    }
}
