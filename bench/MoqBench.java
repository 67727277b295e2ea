import dev.streamkit.moq.hang.AudioRendition;
import dev.streamkit.moq.hang.Catalog;
import dev.streamkit.moq.hang.HangCatalog;
import dev.streamkit.moq.hang.LegacyFrame;
import dev.streamkit.moq.lite.MoqLimits;
import dev.streamkit.moq.lite.MoqLite;
import dev.streamkit.moq.session.GroupConsumer;
import dev.streamkit.moq.session.GroupProducer;
import dev.streamkit.moq.session.LocalBroadcast;
import dev.streamkit.moq.session.MoqSession;
import dev.streamkit.moq.session.TrackConsumer;
import dev.streamkit.moq.session.TrackProducer;
import dev.streamkit.quic.ClientOptions;
import dev.streamkit.quic.kwik.KwikWebTransportClient;
import dev.streamkit.quic.kwik.StreamLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark client of bench/moq.sh, our own moq-lite client over kwik. One publisher sends the Opus packets of an
 * Ogg/Opus file to {@code BASE/input} paced in real time (20 ms frames, one group per second),
 * starting once the peer reads the track; one probe watcher on {@code BASE/output} subscribes before the first frame
 * and stays through every phase; each phase {@code N:WARMUP_S:WINDOW_S} adds watchers up to N, waits WARMUP_S,
 * then over WINDOW_S measures the server's CPU time (utime + stime of {@code /proc/PID/stat}), its memory (PSS), and the
 * publish-to-watch latency of every frame every watcher received.
 *
 * <p>Alignment by sequence: the peer's output timestamps are its accumulated media time from
 * {@code output_initial_delay_ms: 0}, so the output frame stamped {@code ts} is the {@code ts / 20 ms}-th frame
 * out of the encoder, and the n-th input frame gives the n-th output frame (decode, gain, encode: one 20 ms frame
 * each). The run checks it at the end: the probe must have received exactly as many frames as were published,
 * stamped 0, 20, 40 ms ... without a gap or a repeat.
 *
 * <p>Usage: {@code java -cp "distribution/target/export/skit/*" bench/MoqBench.java BASE_URL CERT_SHA256 FILE.ogg
 * SERVER_PID CLK_TCK PHASE...}
 */
public final class MoqBench {

    static final long FRAME_NS = 20_000_000;
    static final long FRAME_US = 20_000;
    /**
     * One group per second on the input: with two frames per group (the nodes' 40 ms), a group whose stream is
     * handled more than the peer's 40 ms reorder window after the next one is skipped, which happens on a loaded
     * machine; the output then has fewer frames than the input and alignment by sequence breaks.
     */
    static final int FRAMES_PER_GROUP = 50;
    static final String AUDIO_TRACK = "audio/data";
    static final Duration CONNECT = Duration.ofSeconds(30);
    static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Watchers connected at once. */
    static final int CONNECT_BATCH = 10;
    /** How long the probe may take to receive the last frames once the publisher stopped. */
    static final long TAIL_WAIT_NS = TimeUnit.SECONDS.toNanos(3);
    /** Hard bound on the whole run. */
    static final long MAX_RUN_NS = TimeUnit.MINUTES.toNanos(5);

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        ClientOptions options = new ClientOptions(List.of(), List.of(args[1]), false, CONNECT);
        List<byte[]> packets = OggPackets.read(Path.of(args[2]));
        ServerProcess server = new ServerProcess(Long.parseLong(args[3]), Long.parseLong(args[4]));
        List<int[]> phases = new ArrayList<>();
        for (int i = 5; i < args.length; i++) phases.add(Arrays.stream(args[i].split(":")).mapToInt(Integer::parseInt).toArray());
        int maxFrames = (int) (MAX_RUN_NS / FRAME_NS);
        try (KwikWebTransportClient client = new KwikWebTransportClient(StreamLimits.DEFAULT)) {
            Clients clients = new Clients(client, base, options);
            Publisher publisher = new Publisher(clients.connect("input"), packets, maxFrames);
            List<Watcher> watchers = new ArrayList<>();
            watchers.add(clients.watch(publisher));
            publisher.startWhenRead();
            System.out.printf("  N  | latency p50 / p99 / max (ms) | frames | server CPU %% of %d cores | CPU ms/s per watcher | PSS MiB | client CPU %%%n", CORES);
            for (int[] phase : phases) {
                clients.watchUpTo(phase[0], watchers, publisher);
                Thread.sleep(phase[1] * 1000L);
                measure(phase[0], phase[2], watchers, server);
            }
            publisher.stop();
            watchers.get(0).awaitFrames(publisher.sent(), TAIL_WAIT_NS);
            watchers.forEach(Watcher::stop);
            System.out.println(watchers.get(0).alignment(publisher.sent()));
            for (Watcher watcher : watchers) watcher.session.close();
            publisher.session.close();
        }
        System.exit(0);
    }

    static void measure(int n, int windowS, List<Watcher> watchers, ServerProcess server) throws Exception {
        watchers.forEach(Watcher::record);
        long cpu0 = server.cpuNanos();
        long own0 = ownCpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(windowS * 1000L);
        long cpu = server.cpuNanos() - cpu0;
        long own = ownCpuNanos() - own0;
        long wall = System.nanoTime() - t0;
        long[] all = watchers.stream().flatMapToLong(Watcher::latencies).sorted().toArray();
        double perSecond = (double) cpu / wall;
        System.out.printf("%4d | %7.1f / %6.1f / %6.1f      | %6d | %23.1f | %20.2f | %7d | %5.0f%n", n,
                percentile(all, 0.50), percentile(all, 0.99), percentile(all, 1.0), all.length, 100 * perSecond / CORES,
                1000 * perSecond / n, server.pssKib() / 1024, 100.0 * own / wall / CORES);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Opens moq-lite sessions on paths under the gateway path. */
    record Clients(KwikWebTransportClient client, URI base, ClientOptions options) {

        MoqSession connect(String path) throws Exception {
            return MoqLite.connect(client, URI.create(base + "/" + path), options, MoqLimits.defaults())
                    .toCompletableFuture().get(CONNECT.toSeconds(), TimeUnit.SECONDS);
        }

        Watcher watch(Publisher publisher) throws Exception {
            MoqSession session = connect("output");
            TrackConsumer track = session.consume("output", CONNECT).toCompletableFuture()
                    .get(CONNECT.toSeconds(), TimeUnit.SECONDS).subscribe(AUDIO_TRACK, 80);
            return new Watcher(session, track, publisher);
        }

        /** Adds watchers, {@value #CONNECT_BATCH} at a time, until there are {@code n}. */
        void watchUpTo(int n, List<Watcher> watchers, Publisher publisher) throws Exception {
            while (watchers.size() < n) {
                List<CompletableFuture<Watcher>> batch = new ArrayList<>();
                for (int i = 0; i < CONNECT_BATCH && watchers.size() + batch.size() < n; i++) {
                    batch.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return watch(publisher);
                        } catch (Exception e) {
                            throw new IllegalStateException("watcher failed to connect: " + e, e);
                        }
                    }));
                }
                for (CompletableFuture<Watcher> watcher : batch) watchers.add(watcher.get(2 * CONNECT.toSeconds(), TimeUnit.SECONDS));
            }
        }
    }

    /** Sends the file's packets in a loop, one every 20 ms, and remembers when each went out. */
    static final class Publisher {
        final MoqSession session;
        final long[] sentAt;
        private final List<byte[]> packets;
        private final TrackProducer audio;
        private final AtomicLong sent = new AtomicLong();
        private volatile boolean stopped;

        Publisher(MoqSession session, List<byte[]> packets, int maxFrames) {
            this.session = session;
            this.packets = packets;
            this.sentAt = new long[maxFrames];
            LocalBroadcast broadcast = new LocalBroadcast("input");
            TrackProducer catalog = broadcast.createTrack(HangCatalog.TRACK, 100);
            GroupProducer description = catalog.appendGroup();
            description.writeFrame(HangCatalog.write(Catalog.audio(AUDIO_TRACK, AudioRendition.opus(48_000, 1, 64_000), 80)));
            description.finish();
            audio = broadcast.createTrack(AUDIO_TRACK, 80);
            session.publish("input", broadcast);
        }

        void startWhenRead() {
            Thread thread = new Thread(this::run, "bench-publisher");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long deadline = System.nanoTime() + CONNECT.toNanos();
            while (audio.consumerCount() == 0 && System.nanoTime() < deadline) LockSupport.parkNanos(1_000_000);
            long start = System.nanoTime();
            GroupProducer group = null;
            for (int n = 0; n < sentAt.length && !stopped; n++) {
                long due = start + n * FRAME_NS;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) LockSupport.parkNanos(wait);
                if (n % FRAMES_PER_GROUP == 0) group = audio.appendGroup();
                sentAt[n] = System.nanoTime();
                sent.set(n + 1);
                group.writeFrame(new LegacyFrame(n * FRAME_US, packets.get(n % packets.size())).encode());
                if (n % FRAMES_PER_GROUP == FRAMES_PER_GROUP - 1) group.finish();
            }
            if (group != null) group.finish();
        }

        long sent() {
            return sent.get();
        }

        void stop() {
            stopped = true;
        }
    }

    /** Reads the output track on its own thread; while recording, keeps each frame's latency. */
    static final class Watcher {
        final MoqSession session;
        private final TrackConsumer track;
        private final Publisher publisher;
        private final long[] latencies;
        private volatile int recorded;
        private volatile boolean recording;
        private volatile boolean stopped;
        private volatile long received;
        /** Frames stamped out of the 20 ms grid or not after the previous one. */
        private long outOfOrder;
        /** Frames missing between two received ones: groups this watcher skipped (the peer stamped them). */
        private long skipped;
        private long expected;
        private long firstIndex = -1;
        private volatile String failure;
        private final Thread thread;

        Watcher(MoqSession session, TrackConsumer track, Publisher publisher) {
            this.session = session;
            this.track = track;
            this.publisher = publisher;
            this.latencies = new long[publisher.sentAt.length];
            this.thread = new Thread(this::run, "bench-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long end = System.nanoTime() + MAX_RUN_NS;
            try {
                while (!stopped && System.nanoTime() < end) {
                    GroupConsumer group;
                    try {
                        group = track.nextGroup(Duration.ofSeconds(1));
                    } catch (TimeoutException idle) {
                        continue;
                    }
                    if (group == null) return;
                    for (byte[] frame = group.readFrame(CONNECT); frame != null && !stopped; frame = group.readFrame(CONNECT)) {
                        onFrame(System.nanoTime(), LegacyFrame.decode(frame).timestampMicros());
                    }
                }
            } catch (Exception e) {
                if (!stopped) failure = e.toString();
            }
        }

        private void onFrame(long now, long timestampUs) {
            int index = (int) (timestampUs / FRAME_US);
            if (received == 0) expected = firstIndex = index;
            received++;
            if (index < expected || timestampUs % FRAME_US != 0) outOfOrder++;
            else skipped += index - expected;
            expected = Math.max(expected, index + 1);
            if (recording && index < publisher.sent() && recorded < latencies.length) {
                latencies[recorded] = now - publisher.sentAt[index];
                recorded++;
            }
        }

        /** Waits until {@code frames} frames arrived, at most {@code timeoutNs}. */
        void awaitFrames(long frames, long timeoutNs) {
            long end = System.nanoTime() + timeoutNs;
            while (received < frames && System.nanoTime() < end) LockSupport.parkNanos(10_000_000);
        }

        void record() {
            recorded = 0;
            recording = true;
        }

        java.util.stream.LongStream latencies() {
            recording = false;
            return Arrays.stream(latencies, 0, recorded);
        }

        /** Stops reading and waits (at most 3 s) for the reading thread to end, so that its counts are final. */
        void stop() {
            stopped = true;
            track.close();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Whether the n-th output frame was the n-th input frame: the peer stamped exactly as many frames as were
         * published (the last stamp says how many; frames this watcher skipped were stamped all the same).
         */
        String alignment(long published) {
            long stamped = received == 0 ? 0 : expected - firstIndex;
            boolean aligned = stamped == published && firstIndex == 0 && outOfOrder == 0 && failure == null;
            String text = String.format("alignment %s: %d frames published, the peer stamped %d (the probe watcher received"
                            + " %d, skipped %d; waited up to 3 s after the last was sent), the first stamped %d ms, %d out"
                            + " of sequence%s", aligned ? "verified" : "NOT verified", published, stamped, received, skipped,
                    firstIndex * FRAME_US / 1000, outOfOrder, failure == null ? "" : ", failed: " + failure);
            return stamped < published && firstIndex == 0 ? text + String.format("; if the peer lost the %d missing"
                    + " frames, latencies after the loss are overstated by up to %d ms", published - stamped,
                    (published - stamped) * FRAME_US / 1000) : text;
        }
    }

    /** The server's CPU time and memory (PSS) from /proc. */
    record ServerProcess(long pid, long ticksPerSecond) {

        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state, field 3; utime and stime are fields 14 and 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / ticksPerSecond;
        }

        /**
         * The proportional set size: unlike RSS, it counts a page mapped several times once, and ZGC maps its heap
         * three times (JDK 17), which triples the RSS of the heap.
         */
        long pssKib() throws IOException {
            return Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup")).stream().filter(l -> l.startsWith("Pss:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        }
    }

    /** The packets of an Ogg/Opus file after its two header packets (OpusHead, OpusTags). */
    static final class OggPackets {

        static List<byte[]> read(Path file) throws IOException {
            byte[] ogg = Files.readAllBytes(file);
            List<byte[]> packets = new ArrayList<>();
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            int pos = 0;
            while (pos + 27 <= ogg.length) {
                if (ogg[pos] != 'O' || ogg[pos + 1] != 'g' || ogg[pos + 2] != 'g' || ogg[pos + 3] != 'S') throw new IOException("not an Ogg page at " + pos);
                int segments = ogg[pos + 26] & 0xff;
                int body = pos + 27 + segments;
                for (int s = 0; s < segments; s++) {
                    int lace = ogg[pos + 27 + s] & 0xff;
                    packet.write(ogg, body, lace);
                    body += lace;
                    if (lace < 255) {
                        packets.add(packet.toByteArray());
                        packet.reset();
                    }
                }
                pos = body;
            }
            if (packets.size() < 3) throw new IOException(file + ": no Opus packets");
            return packets.subList(2, packets.size());
        }
    }
}
