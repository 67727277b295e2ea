package dev.streamkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.api.node.NodeDefinition;
import dev.streamkit.api.pipeline.Connection;
import dev.streamkit.api.pipeline.ConnectionMode;
import dev.streamkit.api.pipeline.EngineMode;
import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.internal.UnregisteredKinds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCompilerTest {

    /** Kinds as their factories declare them; the compiler itself names none. */
    private static final Map<String, NodeDefinition> DEFINITIONS = Map.of(
            "audio::mixer", NodeDefinition.builder("audio::mixer").inputCountParam("num_inputs").build(),
            "test::merge", NodeDefinition.builder("test::merge").inputCountParam("width").build(),
            "test::loop", NodeDefinition.builder("test::loop").bidirectional().build());

    private final PipelineCompiler compiler = new PipelineCompiler(
            kind -> DEFINITIONS.getOrDefault(kind, UnregisteredKinds.needsOf(kind)));

    private PipelineException refused(String yaml) {
        return assertThrows(PipelineException.class, () -> compiler.compile(yaml));
    }

    @Test
    void compilesStepsIntoALinearChain() throws Exception {
        Pipeline pipeline = compiler.compile("""
                name: Volume
                description: doubles
                mode: oneshot
                steps:
                  - kind: streamkit::http_input
                  - kind: audio::gain
                    params: { gain: 2.0 }
                  - kind: streamkit::http_output
                """);
        assertEquals(EngineMode.ONESHOT, pipeline.mode());
        assertEquals("Volume", pipeline.name());
        assertEquals("doubles", pipeline.description());
        assertEquals(List.of("step_0", "step_1", "step_2"), List.copyOf(pipeline.nodes().keySet()));
        assertEquals(2.0, pipeline.nodes().get("step_1").params().get("gain"));
        assertNull(pipeline.nodes().get("step_0").params());
        assertEquals(List.of(new Connection("step_0", "out", "step_1", "in", ConnectionMode.RELIABLE),
                new Connection("step_1", "out", "step_2", "in", ConnectionMode.RELIABLE)), pipeline.connections());
    }

    @Test
    void defaultsToDynamicModeAndIgnoresUnknownKeys() throws Exception {
        Pipeline pipeline = compiler.compile("""
                extra: ignored
                nodes:
                  a: { kind: core::passthrough, ui: { position: { x: 1, y: 2 } } }
                """);
        assertEquals(EngineMode.DYNAMIC, pipeline.mode());
    }

    @Test
    void numbersSeveralNeedsAsIndexedPinsAndKeepsModes() throws Exception {
        Pipeline pipeline = compiler.compile("""
                nodes:
                  a: { kind: core::passthrough }
                  b: { kind: core::passthrough }
                  mix:
                    kind: audio::mixer
                    needs:
                      - a
                      - { node: b, mode: best_effort }
                  tail: { kind: core::sink, needs: { node: mix } }
                """);
        assertEquals(List.of(new Connection("a", "out", "mix", "in_0", ConnectionMode.RELIABLE),
                new Connection("b", "out", "mix", "in_1", ConnectionMode.BEST_EFFORT),
                new Connection("mix", "out", "tail", "in", ConnectionMode.RELIABLE)), pipeline.connections());
    }

    @Test
    void injectsMixerInputCountOutsideDynamicMode() throws Exception {
        String yaml = """
                mode: %s
                nodes:
                  a: { kind: core::file_reader }
                  b: { kind: core::file_reader }
                  mix: { kind: audio::mixer, needs: [a, b] }
                """;
        assertEquals(2, compiler.compile(yaml.formatted("oneshot")).nodes().get("mix").params().get("num_inputs"));
        assertNull(compiler.compile(yaml.formatted("dynamic")).nodes().get("mix").params());
    }

    @Test
    void rejectsCyclesNamingThem() {
        assertEquals("Circular dependency detected: a -> b -> c -> a", refused("""
                nodes:
                  a: { kind: core::passthrough, needs: b }
                  b: { kind: core::passthrough, needs: c }
                  c: { kind: core::passthrough, needs: a }
                """).getMessage());
        assertEquals("Circular dependency detected: self -> self",
                refused("nodes:\n  self: { kind: core::passthrough, needs: self }\n").getMessage());
    }

    @Test
    void allowsCyclesThroughBidirectionalKinds() throws Exception {
        Pipeline pipeline = compiler.compile("""
                nodes:
                  peer: { kind: transport::moq::peer, needs: enc }
                  dec: { kind: audio::opus::decoder, needs: peer }
                  enc: { kind: audio::opus::encoder, needs: dec }
                """);
        assertEquals(3, pipeline.connections().size());
        assertEquals(2, compiler.compile("""
                nodes:
                  a: { kind: test::loop, needs: b }
                  b: { kind: core::passthrough, needs: a }
                """).connections().size());
        assertEquals("Circular dependency detected: peer -> dec -> peer", assertThrows(PipelineException.class,
                () -> new PipelineCompiler().compile("""
                        nodes:
                          peer: { kind: transport::moq::peer, needs: dec }
                          dec: { kind: audio::opus::decoder, needs: peer }
                        """)).getMessage(), "without a definition, no kind may close a cycle");
    }

    @Test
    void refusesACycleWithoutABidirectionalNodeBesideOneWithIt() {
        assertEquals("Circular dependency detected: b -> c -> b", refused("""
                nodes:
                  a: { kind: test::loop, needs: b }
                  b: { kind: core::passthrough, needs: [a, c] }
                  c: { kind: core::passthrough, needs: b }
                """).getMessage());
    }

    @Test
    void setsTheInputCountParamAKindDeclares() throws Exception {
        Pipeline pipeline = compiler.compile("""
                mode: oneshot
                nodes:
                  a: { kind: core::file_reader }
                  b: { kind: core::file_reader }
                  merge: { kind: test::merge, needs: [a, b] }
                  other: { kind: test::undeclared, needs: [a, b] }
                  kept: { kind: test::merge, params: { width: 5 }, needs: [a, b] }
                """);
        assertEquals(2, pipeline.nodes().get("merge").params().get("width"));
        assertNull(pipeline.nodes().get("other").params(), "a kind without the need gets nothing");
        assertEquals(5, pipeline.nodes().get("kept").params().get("width"));
    }

    @Test
    void rejectsMissingNeedsTarget() {
        PipelineException error = refused("nodes:\n  a: { kind: core::sink, needs: ghost }\n");
        assertEquals("Node 'a' references non-existent node 'ghost' in 'needs' field", error.getMessage());
        assertEquals(PipelineException.Kind.STRUCTURE, error.kind());
    }

    @Test
    void rejectsDuplicateKeysAndDuplicateNeeds() {
        assertEquals(PipelineException.Kind.YAML, refused("nodes:\n  a: { kind: x }\n  a: { kind: y }\n").kind());
        assertTrue(refused("nodes:\n  a: { kind: x }\n  b: { kind: y, needs: [a, a] }\n").getMessage().contains("more than once"));
    }

    @Test
    void rejectsShapesThatAreNotPipelines() {
        assertEquals(PipelineException.Kind.YAML, refused("just a string").kind());
        assertEquals(PipelineException.Kind.YAML, refused("mode: sideways\nsteps: []\n").kind());
        assertEquals(PipelineException.Kind.YAML, refused("steps:\n  - params: {}\n").kind());
        assertEquals(PipelineException.Kind.YAML, refused("nodes:\n  a: { kind: x, params: 5 }\n").kind());
    }

    @Test
    void boundsSizeAliasesAndNodeCount() {
        assertEquals(PipelineException.Kind.TOO_LARGE, refused("# " + "x".repeat(PipelineCompiler.MAX_YAML_BYTES)).kind());
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertEquals(PipelineException.Kind.YAML, refused(bomb.toString()).kind());
        StringBuilder many = new StringBuilder("steps:\n");
        for (int i = 0; i <= PipelineCompiler.MAX_NODES; i++) many.append("  - kind: core::passthrough\n");
        assertTrue(refused(many.toString()).getMessage().contains("the limit is " + PipelineCompiler.MAX_NODES));
        assertEquals(PipelineException.Kind.YAML, refused("a: " + "[".repeat(200) + "]".repeat(200)).kind());
    }
}
