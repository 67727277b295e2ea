package dev.streamkit.nodes.core;

import dev.streamkit.api.node.Node;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.api.packet.PacketMetadata;
import dev.streamkit.api.packet.TextPacket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code core::text_chunker}: turns streaming text into {@link TextPacket} chunks a TTS model can speak
 * one at a time, cut by a {@link TextSplitter}. At end of input it sends the remainder, then finishes.
 *
 * <p>Binary input is UTF-8, decoded across packets: a character split between two packets is joined,
 * malformed bytes become U+FFFD. Each chunk carries the metadata of the packet that completed it; the
 * remainder sent at end of input carries the last packet's.
 *
 * <p>NOTE: a text packet arriving while a binary packet left an incomplete character ends that
 * character (as U+FFFD) first; mixing both types on one input is legal but unusual.
 */
final class TextChunkerNode implements Node {

    private final TextSplitter splitter;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** Bytes of an incomplete character held until the next binary packet (at most 3). */
    private ByteBuffer partial = ByteBuffer.allocate(0);
    private PacketMetadata lastMetadata = PacketMetadata.NONE;

    TextChunkerNode(TextSplitter splitter) {
        this.splitter = splitter;
    }

    @Override
    public void onPacket(String inputPin, Packet packet, Outputs out) {
        if (packet instanceof TextPacket text) {
            splitter.append(decode(new byte[0], true));
            splitter.append(text.text());
        } else if (packet instanceof BinaryPacket binary) {
            splitter.append(decode(binary.data(), false));
        } else {
            out.fail(NodeException.invalidMedia("text_chunker accepts Text or Binary packets, got "
                    + packet.getClass().getSimpleName()));
            return;
        }
        lastMetadata = packet.metadata();
        for (String chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
            out.send("out", new TextPacket(chunk, lastMetadata));
        }
    }

    @Override
    public void onInputEnd(String inputPin, Outputs out) {
        splitter.append(decode(new byte[0], true));
        for (String chunk = splitter.next(); chunk != null; chunk = splitter.next()) {
            out.send("out", new TextPacket(chunk, lastMetadata));
        }
        String rest = splitter.flush();
        if (rest != null) out.send("out", new TextPacket(rest, lastMetadata));
        out.finish();
    }

    /** Decodes {@code bytes} after any held partial character; {@code end} also decodes what is left. */
    private String decode(byte[] bytes, boolean end) {
        if (bytes.length == 0 && !partial.hasRemaining()) return "";
        ByteBuffer in = ByteBuffer.allocate(partial.remaining() + bytes.length).put(partial).put(bytes).flip();
        // UTF-8 never yields more chars than bytes, replacements included, so one pass fits.
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        decoder.decode(in, chars, end);
        if (end) {
            decoder.flush(chars);
            decoder.reset();
        }
        partial = in.slice();
        return chars.flip().toString();
    }
}
