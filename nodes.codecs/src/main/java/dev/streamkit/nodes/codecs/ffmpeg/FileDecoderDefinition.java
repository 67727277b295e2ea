package dev.streamkit.nodes.codecs.ffmpeg;

import dev.streamkit.api.node.InputPin;
import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.node.OutputPin;
import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.packet.PacketType;

/**
 * The definition StreamKit gives its file decoders ({@code audio::flac::decoder}, {@code audio::mp3::decoder}):
 * no params, binary in, and an output declared as 48 kHz stereo that carries the file's own format.
 */
public final class FileDecoderDefinition {

    private FileDecoderDefinition() {
    }

    /** The definition of {@code kind}, categorized {@code ["audio", "codecs", codec]}. */
    public static NodeDefinition of(String kind, String codec, String description) {
        return NodeDefinition.builder(kind)
                .description(description)
                .params(ParamSchema.NONE)
                .input(InputPin.one("in", PacketType.BINARY))
                .output(OutputPin.broadcast("out", PacketType.rawAudio(48_000, 2)))
                .categories("audio", "codecs", codec)
                .build();
    }
}
