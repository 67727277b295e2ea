package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.NodeState;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;

/**
 * {@code containers::ogg::demuxer}: reads an Ogg Opus file arriving as binary chunks of any size and
 * emits its Opus packets (binary, no content type) timed as {@link OggOpusTrack} describes.
 *
 * <p>Policy on damaged input, reported with {@link NodeState#degraded} and counted by the getters:
 * <ul>
 *   <li>a page with a wrong checksum (or a segment table running past its end) is dropped and the
 *       parser resynchronises on the next {@code OggS}; packets spanning it are lost;</li>
 *   <li>pages of other logical streams (multiplexed, or chained after the followed stream's EOS) are
 *       ignored: only the first Opus stream is demuxed;</li>
 *   <li>Opus packets with an impossible TOC are skipped;</li>
 *   <li>input that ends inside a page keeps every packet completed before it and finishes normally.</li>
 * </ul>
 * Fatal (invalid media): no valid page in the first 64 KiB, an invalid {@code OpusHead} (version ≠ 1,
 * 0 channels, more than 2 channels with mapping family 0), a first page group without an Opus stream,
 * or input that ends before any {@code OpusHead}.
 */
final class OggDemuxerNode implements Node {

    private final OggPageReader reader = new OggPageReader();
    private OggOpusTrack track;
    private int ignoredPages;
    private int truncatedBytes;
    private String reported = "";
    private boolean failed;

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (failed) return;
        if (!(packet instanceof BinaryPacket binary)) {
            fail(out, NodeException.invalidMedia("pin '" + inputPin + "' expects binary data, got "
                    + packet.getClass().getSimpleName()));
            return;
        }
        try {
            reader.feed(binary.data(), 0, binary.data().length, page -> onPage(page, out));
        } catch (NodeException e) {
            fail(out, e);
            return;
        }
        report(out);
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (failed) return;
        try {
            truncatedBytes = reader.end(page -> onPage(page, out));
        } catch (NodeException e) {
            fail(out, e);
            return;
        }
        if (track == null) {
            fail(out, NodeException.invalidMedia(reader.synced() ? "no Opus stream (no OpusHead) in the Ogg input"
                    : "not an Ogg stream: no valid page found"));
            return;
        }
        report(out);
        out.finish();
    }

    /** Pages dropped because their checksum did not match. */
    int corruptPages() {
        return reader.corruptPages();
    }

    /** Valid pages of streams other than the followed Opus stream. */
    int ignoredPages() {
        return ignoredPages;
    }

    /** Opus packets skipped for an invalid TOC. */
    int invalidPackets() {
        return track == null ? 0 : track.invalidPackets();
    }

    /** Packets lost because a page they spanned was lost, or oversized. */
    int droppedPackets() {
        return track == null ? 0 : track.droppedPackets();
    }

    /** Bytes of an incomplete page (or garbage) at the end of the input. */
    int truncatedBytes() {
        return truncatedBytes;
    }

    /** Whether the followed stream lacked its {@code OpusTags} header. */
    boolean missingTags() {
        return track != null && track.missingTags();
    }

    private void onPage(OggPage page, Outputs out) throws NodeException {
        if (track == null) {
            if (page.isBos() && OpusHead.isOpusHead(page.body())) {
                track = OggOpusTrack.open(page);
                return;
            }
            if (!page.isBos()) throw NodeException.invalidMedia("no Opus stream: the first Ogg streams carry no OpusHead");
            ignoredPages++;
            return;
        }
        if (track.ended() || page.serial() != track.serial()) {
            ignoredPages++;
            return;
        }
        track.accept(page, p -> out.send("out", p));
    }

    /** Reports damage once per new kind or new total, so observers see the counters without a flood. */
    private void report(Outputs out) {
        StringBuilder s = new StringBuilder();
        append(s, corruptPages(), "corrupt pages dropped");
        append(s, ignoredPages, "pages of other streams ignored");
        append(s, invalidPackets(), "invalid Opus packets skipped");
        append(s, droppedPackets(), "packets lost with dropped pages");
        append(s, truncatedBytes, "bytes of a truncated final page");
        if (missingTags()) s.append(s.length() == 0 ? "" : ", ").append("OpusTags missing");
        String summary = s.toString();
        if (!summary.isEmpty() && !summary.equals(reported)) {
            reported = summary;
            out.state(NodeState.degraded(summary));
        }
    }

    private static void append(StringBuilder s, long count, String what) {
        if (count == 0) return;
        if (s.length() > 0) s.append(", ");
        s.append(count).append(' ').append(what);
    }

    private void fail(Outputs out, NodeException error) {
        failed = true;
        out.fail(error);
    }
}
