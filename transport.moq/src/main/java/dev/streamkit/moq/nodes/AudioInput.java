package dev.streamkit.moq.nodes;

import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.session.BroadcastConsumer;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.MoqException;
import dev.streamkit.moq.session.TrackConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the Opus audio of a hang broadcast: waits (bounded) for a catalog naming audio renditions, subscribes
 * to each of them (at most {@value #MAX_TRACKS}), and hands each frame's payload (timestamp stripped, empty
 * marker frames skipped) to a {@link TrackSink} with the track it came on. The first rendition is read on the
 * caller's thread, which it blocks until that track ends; every further one on a thread of its own, ended when
 * the first one ends. An interrupt ends it.
 */
final class AudioInput {

    /** Told each payload with its track; {@code first} marks the catalog's first audio rendition. */
    interface TrackSink {
        void accept(String track, boolean first, byte[] payload);
    }

    /** StreamKit's wait for a catalog with an audio rendition. */
    static final Duration CATALOG_WAIT = Duration.ofSeconds(10);
    /** Renditions read at most per broadcast (one thread each beyond the first): a catalog cannot grow threads. */
    static final int MAX_TRACKS = 8;
    /** How long one read waits before it checks again whether to stop. */
    private static final Duration READ_SLICE = Duration.ofMillis(500);

    private static final Logger LOG = LoggerFactory.getLogger(AudioInput.class);

    private AudioInput() {
    }

    /**
     * Pumps every audio rendition of {@code broadcast} into {@code sink} until the first one ends cleanly.
     *
     * @throws MoqException when no audio rendition was announced in time, or the first track was aborted or lost
     */
    static void pump(BroadcastConsumer broadcast, Duration catalogWait, TrackSink sink)
            throws MoqException, InterruptedException {
        List<String> tracks = audioTracks(broadcast, catalogWait);
        List<Thread> further = new ArrayList<>();
        try (TrackConsumer first = broadcast.subscribe(tracks.get(0), HangAudio.AUDIO_PRIORITY)) {
            for (String track : tracks.subList(1, Math.min(tracks.size(), MAX_TRACKS))) {
                further.add(readAside(broadcast, track, sink));
            }
            readTrack(first, payload -> sink.accept(tracks.get(0), true, payload));
        } finally {
            for (Thread reader : further) reader.interrupt();
            for (Thread reader : further) reader.join(READ_SLICE.toMillis());
        }
    }

    /** The first audio rendition's track, from the first catalog that names one within {@code wait}. */
    static String audioTrack(BroadcastConsumer broadcast, Duration wait) throws MoqException, InterruptedException {
        return audioTracks(broadcast, wait).get(0);
    }

    /** The audio renditions' tracks (non-empty), from the first catalog that names one within {@code wait}. */
    static List<String> audioTracks(BroadcastConsumer broadcast, Duration wait) throws MoqException, InterruptedException {
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
                List<String> tracks = json == null ? List.of() : HangAudio.audioTracks(json);
                if (!tracks.isEmpty()) return tracks;
            }
        }
        throw new MoqException(0, "broadcast '" + broadcast.path() + "' announced no audio rendition within "
                + wait.toSeconds() + " s");
    }

    /** Reads a further rendition on a daemon thread until its track ends, fails or the thread is interrupted. */
    private static Thread readAside(BroadcastConsumer broadcast, String track, TrackSink sink) {
        Thread reader = new Thread(() -> {
            try (TrackConsumer consumer = broadcast.subscribe(track, HangAudio.AUDIO_PRIORITY)) {
                readTrack(consumer, payload -> sink.accept(track, false, payload));
            } catch (MoqException e) {
                LOG.debug("broadcast '{}': track '{}' ended: {}", broadcast.path(), track, e.getMessage());
            } catch (InterruptedException e) {
                // the first rendition ended: so does this one
            }
        }, "moq-track-" + broadcast.path() + "/" + track);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static void readTrack(TrackConsumer track, Consumer<byte[]> payloads) throws MoqException, InterruptedException {
        while (true) {
            GroupConsumer group = next(track);
            if (group == null) return;
            readGroup(group, payloads);
        }
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
