package dev.streamkit.moq.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.api.pipeline.PipelineNode;
import dev.streamkit.engine.PipelineCompiler;
import dev.streamkit.engine.internal.ParamValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** StreamKit's MoQ samples shipped in {@code samples/}: they compile, and their peers' params fit the schema. */
class MoqSamplesTest {

    private static final Path DYNAMIC = Path.of("..", "samples", "pipelines", "dynamic");

    private static List<Path> moqSamples() throws Exception {
        try (Stream<Path> files = Files.list(DYNAMIC)) {
            return files.filter(f -> f.getFileName().toString().startsWith("moq")).sorted().toList();
        }
    }

    @Test
    void theMoqSamplesCompileWithTheirCycleThroughThePeer() throws Exception {
        PeerFactory peer = new PeerFactory(null);
        PipelineCompiler compiler = new PipelineCompiler(kind -> kind.equals(PeerFactory.KIND) ? peer.definition() : null);
        List<Path> samples = moqSamples();
        assertEquals(List.of("moq.yml", "moq_mixing.yml", "moq_peer.yml"),
                samples.stream().map(p -> p.getFileName().toString()).toList());
        for (Path sample : samples) {
            Pipeline pipeline = compiler.compile(Files.readString(sample));
            PipelineNode node = pipeline.nodes().get("moq_peer");
            assertEquals(PeerFactory.KIND, node.kind(), sample.toString());
            assertNull(ParamValidator.firstProblem(node.params(), peer.definition().params()), sample.toString());
            assertFalse(pipeline.connections().stream().noneMatch(c -> c.fromNode().equals("moq_peer")), sample + " reads the peer");
        }
    }
}
