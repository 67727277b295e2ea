package dev.streamkit.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Test media made and measured with the JDK's own WAV reader and writer (independent of StreamKit/J's
 * WAV nodes): sines as 16-bit PCM WAV, and decoding of WAV responses back to samples.
 */
final class TestAudio {

    /** Decoded audio: interleaved samples in [-1, 1]. */
    record Pcm(float sampleRate, int channels, float[] samples) {
        double peak() {
            double peak = 0;
            for (float s : samples) peak = Math.max(peak, Math.abs(s));
            return peak;
        }

        double rms() {
            double sum = 0;
            for (float s : samples) sum += (double) s * s;
            return Math.sqrt(sum / Math.max(1, samples.length));
        }

        double seconds() {
            return samples.length / (double) channels / sampleRate;
        }
    }

    private TestAudio() {
    }

    /** A 16-bit PCM WAV sine of {@code amplitude} on every channel. */
    static byte[] sineWav(int sampleRate, int channels, double frequency, double amplitude, double seconds) throws IOException {
        int frames = (int) Math.round(sampleRate * seconds);
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short value = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
            for (int c = 0; c < channels; c++) pcm.putShort(value);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
        AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    /** Decodes a 16-bit PCM WAV with the JDK's reader (reads to the end when the size is unknown). */
    static Pcm decodeWav(byte[] wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = stream.getFormat();
            if (format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
                throw new UnsupportedAudioFileException("expected 16-bit little-endian PCM, got " + format);
            }
            byte[] data = stream.readAllBytes();
            ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            float[] samples = new float[data.length / 2];
            for (int i = 0; i < samples.length; i++) samples[i] = buffer.getShort() / 32768f;
            return new Pcm(format.getSampleRate(), format.getChannels(), samples);
        }
    }

    static double decibels(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
