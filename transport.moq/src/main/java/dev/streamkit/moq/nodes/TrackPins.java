package dev.streamkit.moq.nodes;

import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.Outputs;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.PacketType;

/**
 * The output pins the audio of one input broadcast leaves a MoQ node on, by track. The primary broadcast's
 * tracks go out unprefixed ({@code audio/data}), its first rendition also on {@code out} (StreamKit v0.1's pin);
 * a further broadcast's on {@code {broadcast}/{track}} ({@code cam-input/audio/data}). The pins form families
 * ({@link OutputPin#family}) of hang's {@code kind/name} track names; a track nothing is connected to is sent to
 * no one.
 */
final class TrackPins implements AudioInput.TrackSink {

    /** StreamKit v0.1's output pin: the first audio rendition of the primary broadcast. */
    static final String OUT = "out";
    /** The primary broadcast's tracks: hang names them {@code kind/name} ({@code audio/data}, {@code video/hd}). */
    static final OutputPin PRIMARY_FAMILY = OutputPin.family("*/*", PacketType.OPUS_AUDIO);

    private final Outputs out;
    private final String prefix;

    private TrackPins(Outputs out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    /** The primary broadcast's pins: {@code out} and one per track. */
    static TrackPins primary(Outputs out) {
        return new TrackPins(out, "");
    }

    /** A further broadcast's pins, {@code {broadcast}/{track}}. */
    static TrackPins prefixed(Outputs out, String broadcast) {
        return new TrackPins(out, broadcast + "/");
    }

    /** The family of a further broadcast's pins. */
    static OutputPin familyOf(String broadcast) {
        return OutputPin.family(broadcast + "/" + PRIMARY_FAMILY.name(), PRIMARY_FAMILY.producesType());
    }

    @Override
    public void accept(String track, boolean first, byte[] payload) {
        BinaryPacket packet = BinaryPacket.of(payload);
        if (first && prefix.isEmpty()) out.send(OUT, packet);
        out.send(prefix + track, packet);
    }
}
