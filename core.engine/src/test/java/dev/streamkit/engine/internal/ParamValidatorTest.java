package dev.streamkit.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.ParamSchema;
import dev.streamkit.api.node.ParamSpec;
import dev.streamkit.engine.PipelineException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValidatorTest {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .param("gain", ParamSpec.number().range(0, 4).defaultValue(1.0))
            .param("bitrate", ParamSpec.integer().range(6000, 510000).multipleOf(1000))
            .param("mode", ParamSpec.string().oneOf("live", "file"))
            .param("timeout", ParamSpec.integer().min(0).nullable())
            .required("path", ParamSpec.string())
            .build();

    private static String problem(Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("path", "x");
        for (int i = 0; i < keyValues.length; i += 2) params.put((String) keyValues[i], keyValues[i + 1]);
        return ParamValidator.firstProblem(params, SCHEMA);
    }

    @Test
    void acceptsValidParams() {
        assertNull(problem("gain", 2.5, "bitrate", 64000, "mode", "live", "timeout", null));
        assertNull(problem("gain", 4, "bitrate", 64000.0));
    }

    @Test
    void refusesUnknownKeysNamingThemAndTheKnownOnes() {
        assertEquals("unknown field 'gian' (known fields: gain, bitrate, mode, timeout, path)", problem("gian", 2.0));
        assertEquals("unknown field 'whatever' (known fields: gain, bitrate, mode, timeout, path)", problem("whatever", List.of()));
        assertEquals("unknown field 'x' (this kind takes no params)", ParamValidator.firstProblem(Map.of("x", 1), ParamSchema.NONE));
        assertNull(ParamValidator.firstProblem(Map.of(), ParamSchema.NONE));
    }

    @Test
    void validateNamesTheNodeAndItsKind() {
        PipelineException error = assertThrows(PipelineException.class,
                () -> ParamValidator.validate("g", "audio::gain", Map.of("path", "x", "gian", 2.0), SCHEMA));
        assertEquals(PipelineException.Kind.CONFIGURATION, error.kind());
        assertTrue(error.getMessage().startsWith("Invalid params for node 'g' (audio::gain): unknown field 'gian'"), error.getMessage());
    }

    @Test
    void namesTheFieldAndTheProblem() {
        assertEquals("field 'gain' must be a finite number, got \"loud\"", problem("gain", "loud"));
        assertEquals("field 'gain' must be a finite number, got NaN", problem("gain", Double.NaN));
        assertEquals("field 'gain' must be between 0 and 4, got 1.0E308", problem("gain", 1e308));
        assertEquals("field 'bitrate' must be between 6000 and 510000, got -64000", problem("bitrate", -64000));
        assertEquals("field 'bitrate' must be a multiple of 1000, got 64500", problem("bitrate", 64500));
        assertEquals("field 'bitrate' must be an integer, got 64000.5", problem("bitrate", 64000.5));
        assertEquals("field 'mode' must be one of [live, file], got \"stream\"", problem("mode", "stream"));
        assertEquals("field 'gain' must not be null", problem("gain", null));
        assertEquals("missing required field 'path'", ParamValidator.firstProblem(Map.of(), SCHEMA));
        assertEquals("missing required field 'path'", ParamValidator.firstProblem(null, SCHEMA));
    }
}
