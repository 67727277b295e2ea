package dev.streamkit.nodes.codecs.opusformat;

import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Syntactically valid Opus packets built by hand: a TOC byte and seeded payload bytes. Containers
 * never decode audio, so the payload does not need to be real.
 */
public final class TestOpusPackets {

    /** TOC of CELT fullband 20 ms (config 31), one frame (code 0). */
    public static final int CELT_FB_20MS = 31 << 3;

    private TestOpusPackets() {
    }

    /** A code-0 packet with TOC {@code toc} and {@code length - 1} seeded payload bytes. */
    public static byte[] packet(int toc, int length, long seed) {
        byte[] p = new byte[length];
        new Random(seed).nextBytes(p);
        p[0] = (byte) toc;
        return p;
    }

    /** A code-3 packet of {@code frames} frames with configuration {@code config}, {@code length} bytes. */
    public static byte[] code3(int config, int frames, int length, long seed) {
        byte[] p = packet((config << 3) | 3, length, seed);
        p[1] = (byte) frames;
        return p;
    }

    /** {@code count} 20 ms CELT packets with lengths 20..219 bytes from {@code seed}. */
    public static List<byte[]> celt20ms(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) packets.add(packet(CELT_FB_20MS, 20 + random.nextInt(200), random.nextLong()));
        return packets;
    }

    /** Wraps packets as the binary packets an encoder emits: 20 ms each, timed from 0, sequenced. */
    public static List<BinaryPacket> asBinary(List<byte[]> packets) {
        List<BinaryPacket> out = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < packets.size(); i++) {
            long d = OpusToc.samplesToMicros(OpusToc.samples(packets.get(i)));
            out.add(new BinaryPacket(packets.get(i), null, new PacketMetadata(t, d, (long) i)));
            t += d;
        }
        return out;
    }
}
