package dev.streamkit.transport.http.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.engine.PipelineYaml;
import dev.streamkit.transport.http.files.FileCaller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {

    private static final java.util.function.Predicate<String> ALL = path -> true;

    @TempDir
    Path dir;
    Path root;
    SampleStore store;

    @BeforeEach
    void setUp() throws Exception {
        root = dir.resolve("pipelines");
        Files.createDirectories(root.resolve("oneshot"));
        Files.createDirectories(root.resolve("dynamic"));
        Files.writeString(root.resolve("oneshot/double_volume.yml"),
                "# skit:input_asset_tags=speech\nname: Volume Boost\ndescription: Louder\nmode: oneshot\nsteps: []\n");
        Files.writeString(root.resolve("dynamic/my-mixer.yaml"), "nodes:\n  s: { kind: core::sink }\n");
        Files.writeString(root.resolve("dynamic/notes.txt"), "ignored");
        Files.writeString(root.resolve("dynamic/big.yml"), "name: x\n" + "#".repeat(SampleStore.MAX_YAML_BYTES));
        Files.writeString(dir.resolve("secret.yml"), "name: secret\nmode: oneshot\n");
        store = new SampleStore(root);
    }

    @Test
    void listsSplitByModeWithFallbackNames() throws Exception {
        List<SamplePipeline> oneshot = store.list("oneshot", ALL);
        assertEquals(1, oneshot.size());
        SamplePipeline boost = oneshot.get(0);
        assertEquals("oneshot/double_volume", boost.id());
        assertEquals("Volume Boost", boost.name());
        assertEquals("Louder", boost.description());
        assertTrue(boost.isSystem());
        assertFalse(boost.isFragment());
        List<SamplePipeline> dynamic = store.list("dynamic", ALL);
        assertEquals(1, dynamic.size(), dynamic.toString());
        assertEquals("dynamic/my-mixer", dynamic.get(0).id());
        assertEquals("My Mixer", dynamic.get(0).name());
        assertEquals("dynamic", dynamic.get(0).mode());
        assertTrue(dynamic.get(0).isFragment());
    }

    @Test
    void allowlistFiltersByRelativePath() throws Exception {
        java.util.function.Predicate<String> dynamicOnly = path -> path.startsWith("dynamic/");
        assertTrue(store.list("oneshot", dynamicOnly).isEmpty());
        assertTrue(store.find("oneshot/double_volume", dynamicOnly).isEmpty());
        assertEquals(1, store.list("dynamic", dynamicOnly).size());
        assertTrue(store.find("dynamic/my-mixer", path -> path.equals("dynamic/my-mixer.yaml")).isPresent(),
                "the filter sees the file name with its extension");
    }

    @Test
    void findsByIdOrBareName() throws Exception {
        assertEquals("Volume Boost", store.find("oneshot/double_volume", ALL).orElseThrow().name());
        assertEquals("oneshot/double_volume", store.find("double_volume", ALL).orElseThrow().id());
        assertEquals("dynamic/my-mixer", store.find("dynamic/my-mixer.yaml", ALL).orElseThrow().id());
        assertTrue(store.find("oneshot/missing", ALL).isEmpty());
    }

    @Test
    void refusesTraversalAndUnknownFolders() {
        for (String id : List.of("../secret", "oneshot/../../secret", "oneshot/..", "etc/passwd", "/secret",
                "oneshot/.hidden", "user/a/b", "", "oneshot\\x")) {
            SampleException e = assertThrows(SampleException.class, () -> store.find(id, ALL), id);
            assertEquals(400, e.status(), id);
        }
    }

    @Test
    void refusesSymlinksLeavingTheFolder() throws Exception {
        Files.createDirectories(root.resolve("user"));
        try {
            Files.createSymbolicLink(root.resolve("user/link.yml"), dir.resolve("secret.yml"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return;
        }
        assertTrue(store.find("user/link", ALL).isEmpty());
        assertTrue(store.list("oneshot", ALL).stream().noneMatch(s -> s.id().equals("user/link")));
    }

    @Test
    void savesInjectsMetadataAndRefusesConflicts() throws Exception {
        String yaml = "# keep me\nname: old\nmode: oneshot\nsteps:\n  - kind: core::passthrough\n";
        SamplePipeline saved = store.save("My Pipeline!", "Does things", yaml, false, false);
        assertEquals("user/my_pipeline", saved.id());
        assertEquals("My Pipeline!", saved.name());
        assertEquals("Does things", saved.description());
        assertEquals("oneshot", saved.mode());
        assertFalse(saved.isSystem());
        assertTrue(saved.yaml().startsWith("# keep me\nname: "), saved.yaml());
        assertTrue(Files.exists(root.resolve("user/my_pipeline.yml")));
        assertEquals(409, assertThrows(SampleException.class, () -> store.save("my pipeline", "", yaml, false, false)).status());
        assertEquals("Other", store.save("my pipeline", "Other", yaml, true, false).description());
        assertEquals(400, assertThrows(SampleException.class, () -> store.save("!!!", "", yaml, false, false)).status());
        assertEquals(400, assertThrows(SampleException.class, () -> store.save("x", "", "a: [", false, false)).status());
        assertEquals(400, assertThrows(SampleException.class, () -> store.save("x", "", "a: 1\na: 2\n", false, false)).status());
        String big = "a: \"" + "x".repeat(SampleStore.MAX_YAML_BYTES) + "\"\n";
        assertEquals(413, assertThrows(SampleException.class, () -> store.save("x", "", big, false, false)).status());
    }

    @Test
    void startingRemovesSavesThatWereKilledMidway() throws Exception {
        Path user = Files.createDirectories(root.resolve("user"));
        Files.writeString(user.resolve(".save-1.tmp"), "half");
        Files.writeString(user.resolve("mine.yml"), "mode: oneshot\n");
        new SampleStore(root);
        assertFalse(Files.exists(user.resolve(".save-1.tmp")));
        assertTrue(Files.exists(user.resolve("mine.yml")));
    }

    @Test
    void readsYamlWithinThePipelineLimits() throws Exception {
        SampleException alias = assertThrows(SampleException.class,
                () -> store.save("x", "", "a: &v [1]\nb: *v\n", false, false));
        assertEquals(400, alias.status());
        assertTrue(alias.getMessage().startsWith("Invalid YAML: YAML anchors are not supported"), alias.getMessage());
        String longLine = "name: " + "x".repeat(PipelineYaml.MAX_LINE_CHARS) + "\nmode: oneshot\n";
        assertEquals(400, assertThrows(SampleException.class, () -> store.save("x", "", longLine, false, false)).status());
        Files.writeString(root.resolve("dynamic/long_line.yml"), longLine);
        SamplePipeline listed = store.find("dynamic/long_line", ALL).orElseThrow();
        assertEquals("Long Line", listed.name());
    }

    @Test
    void fragmentsAreSavedVerbatim() throws Exception {
        String yaml = "nodes:\n  g: { kind: audio::gain }\n";
        SamplePipeline saved = store.save("gain-block", "", yaml, false, true);
        assertEquals(yaml, saved.yaml());
        assertTrue(saved.isFragment());
        assertEquals("dynamic", saved.mode());
    }

    @Test
    void deletesOnlyUserSamples() throws Exception {
        store.save("mine", "", "steps: []\n", false, false);
        assertEquals(403, assertThrows(SampleException.class, () -> store.delete("oneshot/double_volume", ALL)).status());
        assertEquals(403, assertThrows(SampleException.class, () -> store.delete("mine", ALL)).status());
        assertEquals(400, assertThrows(SampleException.class, () -> store.delete("user/../oneshot/double_volume", ALL)).status());
        store.delete("user/mine", ALL);
        assertFalse(Files.exists(root.resolve("user/mine.yml")));
        assertEquals(404, assertThrows(SampleException.class, () -> store.delete("user/mine", ALL)).status());
        assertTrue(Files.exists(root.resolve("oneshot/double_volume.yml")));
        store.save("kept", "", "steps: []\n", false, false);
        assertEquals(404, assertThrows(SampleException.class, () -> store.delete("user/kept", path -> false)).status());
        assertTrue(Files.exists(root.resolve("user/kept.yml")), "a sample the role may not see is not deleted");
    }

    @Test
    void aRoleDeletesOrOverwritesOnlyTheSamplesItSavedUnlessItMayChangeAll() throws Exception {
        FileCaller admin = new FileCaller("admin", true);
        FileCaller user = new FileCaller("user", false);
        store.save("admins", "", "steps: []\n", false, false, admin);
        store.save("users", "", "steps: []\n", false, false, user);
        SampleException refused = assertThrows(SampleException.class, () -> store.delete("user/admins", ALL, user));
        assertEquals(403, refused.status());
        assertEquals(SampleStore.NOT_OWNER, refused.getMessage());
        assertEquals(403, assertThrows(SampleException.class,
                () -> store.save("admins", "", "steps: []\n", true, false, user)).status(), "overwrite");
        assertTrue(Files.exists(root.resolve("user/admins.yml")));
        store.save("users", "again", "steps: []\n", true, false, user);
        store.delete("user/users", ALL, user);
        store.delete("user/admins", ALL, admin);
        assertFalse(Files.exists(root.resolve("user/admins.yml")));
        assertFalse(Files.exists(root.resolve("user/.admins.yml.owner")), "the owner record goes with the sample");
    }

    @Test
    void sanitizesAndTitleCases() {
        assertEquals("my_pipeline-2", SampleStore.sanitizeName("  My Pipeline-2 "));
        assertEquals("a_b", SampleStore.sanitizeName("../a/../b"));
        assertEquals("", SampleStore.sanitizeName("..//"));
        assertEquals("Voice Agent Demo", SampleStore.titleCase("voice_agent-demo"));
    }

    @Test
    void repositorySamplesAreListedAsOneshotWithNames() throws Exception {
        Path repository = Path.of("..", "samples", "pipelines");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(repository.resolve("oneshot")));
        long files;
        try (var entries = Files.list(repository.resolve("oneshot"))) {
            files = entries.filter(file -> file.toString().endsWith(".yml")).count();
        }
        List<SamplePipeline> oneshot = new SampleStore(repository).list("oneshot", ALL);
        assertEquals(files, oneshot.stream().filter(s -> s.id().startsWith("oneshot/")).count());
        assertTrue(oneshot.stream().noneMatch(SamplePipeline::isFragment), oneshot.toString());
    }
}
