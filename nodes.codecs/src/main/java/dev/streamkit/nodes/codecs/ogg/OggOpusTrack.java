package dev.streamkit.nodes.codecs.ogg;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.nodes.codecs.opusformat.OpusHead;
import dev.streamkit.nodes.codecs.opusformat.OpusToc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Ogg Opus stream the demuxer follows (RFC 7845): the first logical stream whose BOS page carries
 * an {@code OpusHead}. Turns that stream's pages into timed Opus packets.
 *
 * <p>Timing: the sample position of the first packets is derived from the first page's granule
 * (granule minus the durations of the packets completed on it); from then on each packet advances
 * the position by its TOC duration, so packets in the middle of a page are timed exactly. After lost
 * pages the position is re-derived from the next granule. {@code timestamp_us} is the position minus
 * pre-skip (clamped at 0), {@code duration_us} the packet's decoded length; on the EOS page the last
 * packet is shortened to the final granule (end trimming).
 *
 * <p>Header order: {@code OpusTags} is expected as the second packet. When it is missing, the packet
 * there is treated as audio and {@link #missingTags()} reports it. Packets with an invalid TOC are
 * skipped and counted.
 */
final class OggOpusTrack {

    private static final byte[] OPUS_TAGS = "OpusTags".getBytes(StandardCharsets.US_ASCII);

    private final int serial;
    private final OpusHead head;
    private final OggPacketAssembler assembler = new OggPacketAssembler();
    private boolean tagsChecked;
    private boolean missingTags;
    private long expectedSequence;
    private long position = -1;
    private long sequence;
    private boolean ended;
    private int invalidPackets;

    private OggOpusTrack(int serial, OpusHead head, long nextSequence) {
        this.serial = serial;
        this.head = head;
        this.expectedSequence = nextSequence;
    }

    /** Starts following the stream of {@code bos}, a BOS page whose body starts with {@code OpusHead}. */
    static OggOpusTrack open(OggPage bos) throws NodeException {
        OggPacketAssembler first = new OggPacketAssembler();
        List<byte[]> packets = first.accept(bos, false);
        if (packets.isEmpty()) throw NodeException.invalidMedia("OpusHead packet does not end on its page");
        return new OggOpusTrack(bos.serial(), OpusHead.parse(packets.get(0)), (bos.sequence() + 1) & 0xFFFFFFFFL);
    }

    int serial() {
        return serial;
    }

    OpusHead head() {
        return head;
    }

    /** Whether the EOS page was seen; later pages are not part of this stream. */
    boolean ended() {
        return ended;
    }

    boolean missingTags() {
        return missingTags;
    }

    int invalidPackets() {
        return invalidPackets;
    }

    int droppedPackets() {
        return assembler.droppedPackets();
    }

    /** Emits the audio packets completed on {@code page}, a page of this stream. */
    void accept(OggPage page, Consumer<BinaryPacket> sink) {
        boolean gap = page.sequence() != expectedSequence;
        expectedSequence = (page.sequence() + 1) & 0xFFFFFFFFL;
        if (gap) position = -1;
        List<byte[]> audio = new ArrayList<>();
        for (byte[] packet : assembler.accept(page, gap)) {
            if (!tagsChecked) {
                tagsChecked = true;
                if (OpusHead.startsWith(packet, OPUS_TAGS)) continue;
                missingTags = true;
            }
            if (OpusToc.samples(packet) == OpusToc.INVALID) {
                invalidPackets++;
                continue;
            }
            audio.add(packet);
        }
        if (page.isEos()) ended = true;
        if (audio.isEmpty()) return;
        if (position < 0) {
            long total = 0;
            for (byte[] packet : audio) total += OpusToc.samples(packet);
            position = page.granule() < 0 ? 0 : Math.max(0, page.granule() - total);
        }
        for (int i = 0; i < audio.size(); i++) {
            byte[] packet = audio.get(i);
            long samples = OpusToc.samples(packet);
            if (page.isEos() && i == audio.size() - 1 && page.granule() >= position && page.granule() < position + samples) {
                samples = page.granule() - position;
            }
            long start = Math.max(0, position - head.preSkip());
            sink.accept(new BinaryPacket(packet, null,
                    new PacketMetadata(OpusToc.samplesToMicros(start), OpusToc.samplesToMicros(samples), sequence++)));
            position += samples;
        }
    }
}
