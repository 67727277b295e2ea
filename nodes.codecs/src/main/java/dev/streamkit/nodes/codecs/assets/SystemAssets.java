package dev.streamkit.nodes.codecs.assets;

import dev.streamkit.api.node.NodeContext;
import dev.streamkit.api.node.NodeException;
import dev.streamkit.api.node.Params;
import dev.streamkit.api.packet.BinaryPacket;
import dev.streamkit.api.packet.Packet;
import dev.streamkit.nodes.codecs.ogg.OggMuxerFactory;
import dev.streamkit.nodes.codecs.opus.OpusEncoderFactory;
import dev.streamkit.nodes.codecs.wav.WavMuxerFactory;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Creates the system audio assets that the sample pipelines read ({@code samples/audio/system/}), encoded by
 * StreamKit/J's own nodes from generated signals: {@code music_generated.ogg} (20 s of chords, Ogg/Opus),
 * {@code speech_generated.ogg} (10 s of synthetic speech-like voice, Ogg/Opus) and {@code speech_generated.wav}
 * (5 s of it, WAV). The {@code music_} and {@code speech_} prefixes are what StreamKit's UI matches against a
 * sample's {@code # skit:input_asset_tags=} comment. Existing files are kept. Run by the build
 * ({@code exec:java} in nodes.codecs), so no audio binaries live in the repository.
 */
public final class SystemAssets {

    private SystemAssets() {
    }

    /** {@code args[0]}: the folder to fill. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "samples/audio/system");
        Files.createDirectories(folder);
        writeIfMissing(folder.resolve("music_generated.ogg"), () -> oggOpus(Synth.progression(20, 2.0)));
        writeIfMissing(folder.resolve("speech_generated.ogg"), () -> oggOpus(Voice.speech(10)));
        writeIfMissing(folder.resolve("speech_generated.wav"), () -> bytes(NodeChain.run(
                List.of(new WavMuxerFactory().create(Params.EMPTY, NO_FILES)), Voice.speech(5))));
    }

    private static byte[] oggOpus(List<? extends Packet> audio) throws Exception {
        return bytes(NodeChain.run(List.of(
                new OpusEncoderFactory().create(Params.of(Map.of("bitrate", 64000)), NO_FILES),
                new OggMuxerFactory().create(Params.of(Map.of("channels", 1)), NO_FILES)), audio));
    }

    private static byte[] bytes(List<Packet> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Packet packet : packets) out.writeBytes(((BinaryPacket) packet).data());
        return out.toByteArray();
    }

    /** Makes a file's content on demand. */
    @FunctionalInterface
    private interface Content {
        byte[] make() throws Exception;
    }

    private static void writeIfMissing(Path file, Content content) throws Exception {
        if (Files.exists(file)) return;
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, content.make());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("created " + file + " (" + Files.size(file) + " bytes)");
    }

    /** Build-time nodes read and write no files. */
    private static final NodeContext NO_FILES = new NodeContext() {
        public String nodeId() {
            return "system-assets";
        }

        public String sessionId() {
            return null;
        }

        public Path resolveReadablePath(String field, String path) throws NodeException {
            throw NodeException.invalidParam(field, "no file access while generating assets");
        }

        public Path resolveWritablePath(String field, String path) throws NodeException {
            throw NodeException.invalidParam(field, "no file access while generating assets");
        }
    };
}
