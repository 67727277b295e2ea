package dev.streamkit.nodes.codecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ffprobe} and {@code ffmpeg} on bytes written by a muxer, and makes real Opus files with
 * ffmpeg's libopus. Tests that use it fail (not skip) when the tools are missing: CI installs them, and
 * a silently skipped interoperability check would hide broken output.
 */
public final class FfmpegCli {

    private FfmpegCli() {
    }

    /** {@code key=value} lines of {@code -show_streams -count_packets} for the file's first stream. */
    public static Map<String, String> streams(byte[] file, String suffix) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : run(file, suffix, "-show_streams", "-count_packets", "-of", "default=noprint_wrappers=1")) {
            int eq = line.indexOf('=');
            if (eq > 0) values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
        }
        return values;
    }

    /** The presentation times (seconds) of every packet, in file order. */
    public static List<Double> packetTimes(byte[] file, String suffix) throws Exception {
        List<Double> times = new ArrayList<>();
        for (String line : run(file, suffix, "-show_entries", "packet=pts_time", "-of", "csv=p=0")) {
            if (!line.isBlank()) times.add(Double.parseDouble(line.trim().replace(",", "")));
        }
        return times;
    }

    /** A mono 440 Hz sine of {@code seconds} encoded by ffmpeg's libopus into an Ogg Opus file. */
    public static byte[] sineOggOpus(int seconds) throws Exception {
        Path output = Files.createTempFile("streamkit-sine", ".opus");
        try {
            exec(List.of(locate("ffmpeg"), "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                    "-c:a", "libopus", "-b:a", "32k", output.toString()));
            return Files.readAllBytes(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Decodes the whole file with ffmpeg, failing on any error it reports. */
    public static void assertDecodes(byte[] file, String suffix) throws Exception {
        Path input = Files.createTempFile("streamkit-decode", suffix);
        try {
            Files.write(input, file);
            exec(List.of(locate("ffmpeg"), "-v", "error", "-i", input.toString(), "-f", "null", "-"));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static List<String> run(byte[] file, String suffix, String... args) throws Exception {
        String ffprobe = locate("ffprobe");
        Path input = Files.createTempFile("streamkit-ffprobe", suffix);
        try {
            Files.write(input, file);
            List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error"));
            command.addAll(List.of(args));
            command.add(input.toString());
            return exec(command);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** Runs a tool; asserts exit code 0 and an empty stderr (the tools run with {@code -v error}). */
    private static List<String> exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command.get(0) + " timed out");
        assertEquals(0, p.exitValue(), command + " failed: " + stderr);
        assertEquals("", stderr.trim(), command.get(0) + " reported errors");
        return new String(stdout, StandardCharsets.UTF_8).lines().toList();
    }

    private static String locate(String tool) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        fail(tool + " is not installed (apt-get install ffmpeg); the container interoperability tests need it");
        throw new IOException("unreachable");
    }
}
