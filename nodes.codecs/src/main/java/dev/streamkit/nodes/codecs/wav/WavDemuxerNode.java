package dev.streamkit.nodes.codecs.wav;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.AudioFrame;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import java.util.function.Consumer;

/**
 * {@code containers::wav::demuxer}: parses a WAV file arriving as binary chunks of any size and emits
 * its audio at the file's own rate and channel count, in frames of {@value PcmFrameAssembler#FRAME_SIZE}
 * sample frames (the last one shorter), timed from the start of the file.
 *
 * <p>Failure: malformed headers fail the node with invalid media as soon as they are seen; input that
 * ends before the {@code data} chunk fails as a truncated header (or as empty input). Input that ends
 * inside the data is not an error: the complete samples are emitted, a partial last sample frame is
 * dropped, and the node finishes.
 */
final class WavDemuxerNode implements Node {

    private final WavStreamReader reader = new WavStreamReader();
    private PcmFrameAssembler assembler;
    private boolean failed;

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (failed) return;
        if (!(packet instanceof BinaryPacket binary)) {
            fail(out, NodeException.invalidMedia("pin '" + inputPin + "' expects binary data, got "
                    + packet.getClass().getSimpleName()));
            return;
        }
        Consumer<AudioFrame> sink = frame -> out.send("out", frame);
        try {
            reader.feed(binary.data(), 0, binary.data().length, (format, bytes, offset, length) -> {
                if (assembler == null) assembler = new PcmFrameAssembler(format);
                assembler.accept(bytes, offset, length, sink);
            });
        } catch (NodeException e) {
            fail(out, e);
        }
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        if (failed) return;
        try {
            reader.end();
        } catch (NodeException e) {
            fail(out, e);
            return;
        }
        if (assembler != null) assembler.flush(frame -> out.send("out", frame));
        out.finish();
    }

    private void fail(Outputs out, NodeException error) {
        failed = true;
        out.fail(error);
    }
}
