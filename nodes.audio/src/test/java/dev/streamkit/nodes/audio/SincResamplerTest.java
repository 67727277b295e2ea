package dev.streamkit.nodes.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SincResamplerTest {

    @ParameterizedTest
    @CsvSource({"48000,16000", "16000,48000", "44100,48000", "48000,44100", "8000,22050", "48000,47999"})
    void outputLengthMatchesInputDuration(int inRate, int outRate) {
        int inputFrames = 4_321;
        float[] input = TestSignals.noise(3, 0.5, inputFrames * 2);
        SincResampler resampler = new SincResampler(inRate, outRate, 2);
        int produced = resampler.process(input, 0, input.length).length + resampler.flush().length;
        long expected = (long) Math.ceil((double) inputFrames * outRate / inRate);
        assertEquals(expected * 2, produced);
    }

    @ParameterizedTest
    @CsvSource({"48000,16000", "44100,48000"})
    void outputDoesNotDependOnInputChunking(int inRate, int outRate) {
        float[] input = TestSignals.noise(4, 0.5, 3_000);
        SincResampler whole = new SincResampler(inRate, outRate, 1);
        float[] expected = concat(whole.process(input, 0, input.length), whole.flush());

        SincResampler pieces = new SincResampler(inRate, outRate, 1);
        float[] actual = new float[0];
        for (int offset = 0, size = 1; offset < input.length; offset += size, size = size % 97 + 13) {
            actual = concat(actual, pieces.process(input, offset, Math.min(size, input.length - offset)));
        }
        actual = concat(actual, pieces.flush());
        assertArrayEquals(expected, actual, 1e-6f);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
