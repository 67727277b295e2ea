package dev.streamkit.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A mono 48 kHz sine tone encoded by ffmpeg's libopus as 20 ms packets, for MoQ publishers of the tests. */
final class OpusTone {

    /** The amplitude of the tone (its rms is this over √2). */
    static final double AMPLITUDE = 0.2;
    static final int FRAME_MS = 20;

    private OpusTone() {
    }

    /** {@code seconds} of a 440 Hz tone as Opus packets (made in {@code dir}). */
    static List<byte[]> packets(Path dir, double seconds) throws Exception {
        Path wav = dir.resolve("tone.wav");
        Files.write(wav, TestAudio.sineWav(48000, 1, 440, AMPLITUDE, seconds));
        Path ogg = MediaTools.encode(wav, dir.resolve("tone.ogg"), "-c:a", "libopus", "-b:a", "64k",
                "-frame_duration", String.valueOf(FRAME_MS));
        return OggOpusPackets.of(Files.readAllBytes(ogg));
    }

    /** The rms of the tone as sent. */
    static double rms() {
        return AMPLITUDE / Math.sqrt(2);
    }
}
