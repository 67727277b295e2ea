package dev.streamkit.nodes.codecs.opus;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The two {@link OpusCodec}s, for parameterized tests; the system libopus is required (never skipped). */
final class OpusTestCodecs {

    private OpusTestCodecs() {
    }

    static List<OpusCodec> all() {
        OpusCodec system = OpusCodecs.system();
        assertNotNull(system, "the system libopus (libopus.so.0, Debian libopus0) and JNA are required by this test");
        return List.of(FfmpegOpusCodec.INSTANCE, system);
    }

    /** Every encoder with every decoder, so that each backend decodes the other's packets. */
    static Stream<Arguments> pairs() {
        return all().stream().flatMap(encoder -> all().stream().map(decoder -> Arguments.of(encoder, decoder)));
    }
}
