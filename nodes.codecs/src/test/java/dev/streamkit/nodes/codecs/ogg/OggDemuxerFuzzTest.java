package dev.streamkit.nodes.codecs.ogg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.streamkit.api.node.NodeException;
import dev.streamkit.testkit.RecordingOutputs;
import dev.streamkit.nodes.codecs.opusformat.TestOpusPackets;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Hostile-input properties of {@link OggDemuxerNode}: every mutated stream ends in a clean finish or an
 * invalid-media failure, never an unexpected exception. Inputs that once broke the parser live in
 * {@code src/test/resources/corpus/ogg/} and are replayed.
 */
class OggDemuxerFuzzTest {

    private static final int CASES = 300;

    /** Runs one input, in pieces of {@code piece} bytes, and checks it ends in a defined way. */
    private static String outcome(byte[] input, int piece) {
        RecordingOutputs out;
        try {
            out = TestOggStreams.run(new OggDemuxerNode(), input, piece);
        } catch (Exception | Error e) {
            return "threw " + e;
        }
        NodeException failure = out.failure();
        if (failure != null && failure.failureCause() != NodeException.Cause.INVALID_MEDIA) return "failed " + failure;
        if (failure == null && !out.finished()) return "neither finished nor failed";
        return null;
    }

    private static byte[] mutate(byte[] base, byte[] other, Random random) {
        byte[] m = base.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = 1 + random.nextInt(20);
                for (int i = 0; i < flips; i++) m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> m = Arrays.copyOf(m, random.nextInt(m.length));
            case 2 -> {
                int at = random.nextInt(m.length);
                int from = random.nextInt(other.length);
                byte[] spliced = Arrays.copyOf(m, at + other.length - from);
                System.arraycopy(other, from, spliced, at, other.length - from);
                m = spliced;
            }
            default -> {
                int at = random.nextInt(m.length - 64);
                for (int i = 0; i < 64; i++) m[at + i] = (byte) random.nextInt(256);
                m[at + 26] = (byte) 0xFF;
            }
        }
        return m;
    }

    @Test
    void mutatedStreamsFinishOrFailAsInvalidMedia() throws Exception {
        byte[] base = TestOggStreams.mux(TestOpusPackets.celt20ms(120, 11));
        byte[] other = TestOggStreams.mux(TestOpusPackets.celt20ms(40, 12), 5, 2, 65_536);
        Random random = new Random(20_240_601L);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(base, other, random);
            String problem = outcome(input, 1 + random.nextInt(5_000));
            if (problem != null) {
                Path kept = Files.createTempFile("ogg-crash-" + i + "-", ".ogg");
                Files.write(kept, input);
                problems.add("case " + i + " " + problem + " (input kept at " + kept + ")");
            }
        }
        if (!problems.isEmpty()) fail(String.join("\n", problems));
    }

    @Test
    void replaysCorpusOfInputsThatOnceBrokeTheParser() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/corpus/ogg").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> inputs = files.filter(Files::isRegularFile).sorted().toList();
            assertTrue(inputs.size() >= 1, "corpus must not be empty");
            for (Path input : inputs) {
                byte[] bytes = Files.readAllBytes(input);
                assertEquals(null, outcome(bytes, 1), input.toString());
                assertEquals(null, outcome(bytes, 4096), input.toString());
            }
        }
    }
}
