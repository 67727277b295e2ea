package dev.streamkit.itests;

import dev.streamkit.moq.hang.AudioRendition;
import dev.streamkit.moq.hang.Catalog;
import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.hang.LegacyFrame;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackProducer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes Opus packets as a hang broadcast on a moq-lite session, as StreamKit's clients do: a catalog naming
 * one mono Opus rendition on {@value #AUDIO_TRACK}, then each packet as a legacy-container frame, paced in real
 * time, {@value #GROUP_FRAMES} frames per group. {@link #send} may stop inside a group, which stays open.
 */
final class HangPublisher {

    static final String AUDIO_TRACK = "audio/data";
    static final int GROUP_FRAMES = 10;
    static final Duration FIRST_READER_WAIT = Duration.ofSeconds(10);

    private final List<byte[]> packets;
    private final LocalBroadcast broadcast;
    private final TrackProducer audio;
    private GroupProducer group;
    private long sent;

    /** Announces {@code name} on {@code session} with its catalog; {@code packets} are sent in a loop. */
    HangPublisher(MoqSession session, String name, List<byte[]> packets) {
        this.packets = List.copyOf(packets);
        this.broadcast = new LocalBroadcast(name);
        TrackProducer catalog = broadcast.createTrack(HangCatalog.TRACK, 100);
        GroupProducer description = catalog.appendGroup();
        description.writeFrame(HangCatalog.write(Catalog.audio(AUDIO_TRACK, AudioRendition.opus(48000, 1, 64_000), 80)));
        description.finish();
        this.audio = broadcast.createTrack(AUDIO_TRACK, 80);
        session.publish(name, broadcast);
    }

    /**
     * Publishes {@code frames} of {@code packets} as broadcast {@code input} on {@code path} with a client of its own,
     * then drops that client's connection (no WebTransport close) with a group still open; returns the frames sent.
     */
    static long publishThenVanish(int port, String path, List<byte[]> packets, int frames) throws Exception {
        if (frames % GROUP_FRAMES == 0) throw new IllegalArgumentException("the last group must stay open: " + frames);
        try (MoqTestClient client = new MoqTestClient(port)) {
            HangPublisher publisher = new HangPublisher(client.connect(path), "input", packets);
            publisher.send(frames);
            return publisher.sent();
        }
    }

    /**
     * Sends the next {@code frames} packets, one every {@value OpusTone#FRAME_MS} ms, on the caller's thread. The
     * first waits (at most {@link #FIRST_READER_WAIT}) until the server subscribed to the audio, as the
     * {@code transport::moq::publisher} node does, so that the start is not lost to the set-up.
     */
    void send(int frames) throws InterruptedException {
        long readerDeadline = System.nanoTime() + FIRST_READER_WAIT.toNanos();
        while (sent == 0 && audio.consumerCount() == 0 && System.nanoTime() < readerDeadline) Thread.sleep(5);
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            long due = start + TimeUnit.MILLISECONDS.toNanos((long) i * OpusTone.FRAME_MS);
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            if (group == null) group = audio.appendGroup();
            group.writeFrame(new LegacyFrame(sent * OpusTone.FRAME_MS * 1_000, packets.get((int) (sent % packets.size()))).encode());
            sent++;
            if (sent % GROUP_FRAMES == 0) {
                group.finish();
                group = null;
            }
        }
    }

    /** Packets sent so far. */
    long sent() {
        return sent;
    }

    /** Ends the open group, the tracks and the broadcast. */
    void finish() {
        if (group != null) group.finish();
        audio.close();
        broadcast.close();
    }
}
