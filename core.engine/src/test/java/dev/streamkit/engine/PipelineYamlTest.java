package dev.streamkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PipelineYamlTest {

    private static final String HEAD = "mode: oneshot\nsteps:\n  - kind: core::passthrough\n    params:\n";
    /** What parsing a document of {@link PipelineYaml#MAX_BYTES} may allocate: linear, with a small factor. */
    private static final long ALLOCATION_BUDGET = 256L << 20;

    private static PipelineException refused(String yaml) {
        return assertThrows(PipelineException.class, () -> PipelineYaml.read(yaml));
    }

    /** Bytes the current thread allocated while running {@code action}. */
    private static long allocatedBy(Executable action) throws Throwable {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.execute();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void readsTheFirstDocumentAsATree() throws Exception {
        JsonNode tree = PipelineYaml.read(HEAD + "      gain: 2.5\n      big: 12345678901234567890\n      on: true\n");
        JsonNode params = tree.get("steps").get(0).get("params");
        assertEquals(2.5, params.get("gain").doubleValue());
        assertEquals("12345678901234567890", params.get("big").bigIntegerValue().toString());
        assertTrue(params.get("on").booleanValue());
        assertEquals("a", PipelineYaml.read("a\n").textValue());
        assertNull(PipelineYaml.read(""));
    }

    @Test
    void refusesAOneMegabyteStringBeforeParsingIt() throws Throwable {
        String yaml = HEAD + "      text: " + "x".repeat(1_000_000) + "\n";
        long allocated = allocatedBy(() -> {
            PipelineException error = refused(yaml);
            assertEquals(PipelineException.Kind.YAML, error.kind());
            assertEquals("line 5 is longer than " + PipelineYaml.MAX_LINE_CHARS + " characters", error.getMessage());
        });
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void refusesAMalformedLargeDocumentWithinTheBudget() throws Throwable {
        String line = "x".repeat(PipelineYaml.MAX_LINE_CHARS - 8);
        StringBuilder yaml = new StringBuilder(HEAD + "      text: \"");
        while (yaml.length() + line.length() < PipelineYaml.MAX_BYTES) yaml.append(line).append('\n');
        long allocated = allocatedBy(() -> assertEquals(PipelineException.Kind.YAML, refused(yaml.toString()).kind()));
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void parsesTheLongestLinesWithinTheBudget() throws Throwable {
        StringBuilder yaml = new StringBuilder(HEAD);
        String value = "y".repeat(PipelineYaml.MAX_LINE_CHARS - 20);
        for (int i = 0; yaml.length() + value.length() + 20 < PipelineYaml.MAX_BYTES; i++) {
            yaml.append("      k").append(i).append(": ").append(value).append('\n');
        }
        long allocated = allocatedBy(() -> assertEquals(value,
                PipelineYaml.read(yaml.toString()).get("steps").get(0).get("params").get("k0").textValue()));
        assertTrue(allocated < ALLOCATION_BUDGET, "allocated " + allocated + " bytes");
    }

    @Test
    void refusesAStringLongerThanTheLimitSpreadOverLines() {
        String line = "z".repeat(1000);
        StringBuilder yaml = new StringBuilder(HEAD + "      text: |\n");
        for (int i = 0; i * line.length() <= PipelineYaml.MAX_SCALAR_CHARS; i++) yaml.append("        ").append(line).append('\n');
        PipelineException error = refused(yaml.toString());
        assertEquals(PipelineException.Kind.YAML, error.kind());
        assertTrue(error.getMessage().startsWith("a string longer than " + PipelineYaml.MAX_SCALAR_CHARS + " characters at line 5"),
                error.getMessage());
    }

    @Test
    void refusesAnAliasBombAtItsFirstAnchor() {
        StringBuilder yaml = new StringBuilder(HEAD + "      a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append("      ").append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        PipelineException error = refused(yaml.toString());
        assertEquals(PipelineException.Kind.YAML, error.kind());
        assertEquals("YAML anchors are not supported: found '&a' at line 5, column 10", error.getMessage());
    }

    @Test
    void refusesAnAliasRatherThanReadingItAsTheAnchorName() {
        PipelineException error = refused(HEAD + "      text: *somewhere\n");
        assertEquals("YAML aliases are not supported: found '*somewhere' at line 5, column 13", error.getMessage());
    }

    @Test
    void refusesNestingBeyondTheLimitAndAcceptsItUpToTheLimit() throws Exception {
        int paramsDepth = 4; // root mapping, steps, the step, params
        String deepest = "[".repeat(PipelineYaml.MAX_DEPTH - paramsDepth) + "]".repeat(PipelineYaml.MAX_DEPTH - paramsDepth);
        PipelineYaml.read(HEAD + "      deep: " + deepest + "\n");
        PipelineException error = refused(HEAD + "      deep: [" + deepest + "]\n");
        assertTrue(error.getMessage().startsWith("nesting deeper than " + PipelineYaml.MAX_DEPTH + " levels"), error.getMessage());
        assertEquals(PipelineException.Kind.YAML, refused(HEAD + "      deep: " + "[".repeat(200) + "]".repeat(200) + "\n").kind());
        StringBuilder block = new StringBuilder(HEAD);
        for (int i = 0; i < 200; i++) block.append("  ".repeat(i + 3)).append("k").append(i).append(":\n");
        assertEquals(PipelineException.Kind.YAML, refused(block.toString()).kind());
    }

    @Test
    void refusesDuplicateKeys() {
        assertEquals(PipelineException.Kind.YAML, refused(HEAD + "      gain: 1\n      gain: 2\n").kind());
    }

    @Test
    void countsTheSizeInUtf8Bytes() {
        String yaml = HEAD + ("      t: " + "é".repeat(1000) + "\n").repeat(PipelineYaml.MAX_BYTES / 2000 + 1);
        assertTrue(yaml.length() < PipelineYaml.MAX_BYTES);
        assertEquals(PipelineException.Kind.TOO_LARGE, refused(yaml).kind());
    }
}
