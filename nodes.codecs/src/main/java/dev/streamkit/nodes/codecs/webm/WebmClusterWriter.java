package dev.streamkit.nodes.codecs.webm;

import java.util.function.Consumer;

/**
 * Groups SimpleBlocks into Clusters. A new cluster starts at the first block, once the current one
 * spans {@value #CLUSTER_MS} ms, or when a block's timecode would not fit the signed 16-bit offset
 * from its cluster.
 *
 * <p>Live mode writes each cluster with an unknown size and each block as soon as it arrives (nothing
 * buffered, MSE-friendly). File mode buffers one cluster and writes it with its exact size when it
 * closes, so readers can skip clusters; the Segment size stays unknown and no Cues are written,
 * because the output is a stream and cannot be rewritten. Not thread-safe.
 */
final class WebmClusterWriter {

    static final long CLUSTER_MS = 1_000;
    private static final int KEYFRAME = 0x80;

    private final boolean live;
    private final Consumer<byte[]> sink;
    private EbmlWriter buffered;
    private long clusterMs = -1;

    /** @param sink receives the bytes of each element (live) or each closed cluster (file) */
    WebmClusterWriter(boolean live, Consumer<byte[]> sink) {
        this.live = live;
        this.sink = sink;
    }

    /** Writes one Opus packet starting {@code timestampMs} after the start of the stream. */
    void write(long timestampMs, byte[] frame) {
        long relative = timestampMs - clusterMs;
        if (clusterMs < 0 || relative < 0 || relative >= CLUSTER_MS || relative > Short.MAX_VALUE) {
            close();
            open(timestampMs);
            relative = 0;
        }
        byte[] block = new byte[4 + frame.length];
        block[0] = (byte) (0x80 | WebmHeader.TRACK_NUMBER);
        block[1] = (byte) (relative >> 8);
        block[2] = (byte) relative;
        block[3] = (byte) KEYFRAME;
        System.arraycopy(frame, 0, block, 4, frame.length);
        if (live) sink.accept(new EbmlWriter().bytes(WebmIds.SIMPLE_BLOCK, block).toByteArray());
        else buffered.bytes(WebmIds.SIMPLE_BLOCK, block);
    }

    /** Ends the current cluster (file mode writes it out now). */
    void close() {
        if (!live && buffered != null) sink.accept(new EbmlWriter().master(WebmIds.CLUSTER, buffered).toByteArray());
        buffered = null;
    }

    private void open(long timestampMs) {
        clusterMs = timestampMs;
        if (live) {
            sink.accept(new EbmlWriter().openUnknownSize(WebmIds.CLUSTER).uint(WebmIds.TIMECODE, timestampMs).toByteArray());
        } else {
            buffered = new EbmlWriter().uint(WebmIds.TIMECODE, timestampMs);
        }
    }
}
