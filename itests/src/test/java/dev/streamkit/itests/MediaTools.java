package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test media made and checked with the system's media tools (espeak-ng for speech, ffmpeg to encode
 * and decode), independently of StreamKit/J's own codecs. A missing tool fails the test: CI installs them.
 */
final class MediaTools {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private MediaTools() {
    }

    /** Runs a command, failing with its output when it exits non-zero or takes too long. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        return Commands.run(workDir, TIMEOUT, List.of(command));
    }

    /** About {@code seconds} of English speech as a 16-bit mono WAV, quiet enough that +6 dB cannot clip. */
    static Path speechWav(Path dir, double seconds) throws IOException, InterruptedException {
        String text = "StreamKit for Java processes audio in real time. It decodes, filters, mixes and encodes "
                + "speech and music, and it streams the result back while the upload is still arriving. ";
        Path raw = dir.resolve("speech-raw.wav");
        run(dir, "espeak-ng", "-w", raw.toString(), text.repeat(3));
        Path out = dir.resolve("speech.wav");
        run(dir, "ffmpeg", "-v", "error", "-y", "-i", raw.toString(), "-af", "volume=0.35,apad",
                "-t", Double.toString(seconds), "-ac", "1", "-ar", "48000", "-c:a", "pcm_s16le", out.toString());
        return out;
    }

    /** Encodes {@code input} with ffmpeg using {@code codecArgs} (e.g. {@code -c:a libopus -b:a 64k}). */
    static Path encode(Path input, Path output, String... codecArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", input.toString()));
        command.addAll(List.of(codecArgs));
        command.add(output.toString());
        run(output.getParent(), command.toArray(String[]::new));
        return output;
    }

    /** Decodes any file ffmpeg can read to 48 kHz mono 16-bit PCM WAV bytes. */
    static byte[] decodeToWav(Path input) throws IOException, InterruptedException {
        Path out = Files.createTempFile(input.getParent(), "decoded-", ".wav");
        run(input.getParent(), "ffmpeg", "-v", "error", "-y", "-i", input.toString(), "-ac", "1", "-ar", "48000",
                "-c:a", "pcm_s16le", out.toString());
        return Files.readAllBytes(out);
    }

    /** The container's codec name and duration in seconds as ffprobe reports them. */
    static String probe(Path input) throws IOException, InterruptedException {
        return run(input.getParent(), "ffprobe", "-v", "error", "-show_entries", "stream=codec_name:format=duration",
                "-of", "default=noprint_wrappers=1", input.toString());
    }
}
