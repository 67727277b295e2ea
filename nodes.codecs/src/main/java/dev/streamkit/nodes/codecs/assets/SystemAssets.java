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
 * Creates the system audio assets that the sample pipelines read ({@code samples/audio/system/}) from a
 * generated signal, encoded by StreamKit/J's own nodes: {@code music.ogg} (20 s, Ogg/Opus),
 * {@code sample.ogg} (10 s, Ogg/Opus) and {@code tone.wav} (5 s, WAV). Existing files are kept. Run by the
 * build ({@code exec:java} in nodes.codecs), so no audio binaries live in the repository.
 */
public final class SystemAssets {

    private SystemAssets() {
    }

    /** {@code args[0]}: the folder to fill. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "samples/audio/system");
        Files.createDirectories(folder);
        writeIfMissing(folder.resolve("music.ogg"), () -> oggOpus(Synth.progression(20, 2.0)));
        writeIfMissing(folder.resolve("sample.ogg"), () -> oggOpus(Synth.progression(10, 0.5)));
        writeIfMissing(folder.resolve("tone.wav"), () -> bytes(NodeChain.run(
                List.of(new WavMuxerFactory().create(Params.EMPTY, NO_FILES)), Synth.progression(5, 1.0))));
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
