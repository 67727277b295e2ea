package dev.streamkit.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin template end to end, as its README tells a plugin author: generate a project from the
 * archetype, build it with Maven (its unit test runs on the node test kit), drop the bundle into a
 * running server's {@code deploy/}, run the project's example oneshot pipeline on it, delete the jar and
 * see the kind go; then the same through the plugins API ({@code POST} and {@code DELETE /api/v1/plugins},
 * with {@code allow_http_management} on).
 */
@Timeout(240)
class PluginTemplateTest {

    private static final String KIND = "template::volume";
    private static final Pattern IMPORT = Pattern.compile("([\\w.]+)(;version=\"([^\"]*)\")?");

    @TempDir
    static Path projects;
    @RegisterExtension
    static final RunningServer running = new RunningServer("[plugins]\nallow_http_management = true\n");

    @Test
    void generatedPluginBuildsDeploysRunsAndGoes() throws Exception {
        PluginProject project = PluginProject.generate(projects, "test.template", "template-volume", "1.0.0", KIND);
        String build = project.packageBundle();
        assertTrue(project.testsRun() > 0, "the generated unit test ran:\n" + build);
        assertImportsOnlyTheApiWithMajorVersionRanges(project.manifestHeader("Import-Package"));

        DeployFolder deploy = new DeployFolder(running.get());
        deploy.put(project.jar(), "template-volume.jar");
        JsonNode entry = NodeKinds.awaitProvider(running.get(), KIND, "template-volume", "1.0.0");
        assertTrue(entry.at("/param_schema/properties/gain_db/tunable").asBoolean(), entry::toString);
        assertExampleRunsSixDecibelsQuieter(project);
        deploy.remove("template-volume.jar");
        NodeKinds.awaitAbsent(running.get(), KIND);

        HttpResponse<byte[]> uploaded = running.get().post("/api/v1/plugins", new Multipart()
                .file("plugin", "template-volume.jar", "application/java-archive", Files.readAllBytes(project.jar())));
        assertEquals(201, uploaded.statusCode(), () -> new String(uploaded.body()));
        NodeKinds.awaitProvider(running.get(), KIND, "template-volume", "1.0.0");
        assertExampleRunsSixDecibelsQuieter(project);
        HttpResponse<String> deleted = running.get().send("DELETE", "/api/v1/plugins/" + KIND.replace(":", "%3A"), null);
        assertEquals(200, deleted.statusCode(), deleted.body());
        NodeKinds.awaitAbsent(running.get(), KIND);
    }

    /** The project's own example: a WAV upload comes back 6 dB quieter, as long as it went in. */
    private static void assertExampleRunsSixDecibelsQuieter(PluginProject project) throws Exception {
        byte[] input = TestAudio.sineWav(48_000, 1, 440, 0.5, 1.0);
        String yaml = Files.readString(project.dir.resolve("examples/volume-oneshot.yml"));
        HttpResponse<byte[]> response = running.get().post("/api/v1/process",
                new Multipart().text("config", yaml).file("media", "sine.wav", "audio/wav", input));
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        TestAudio.Pcm in = TestAudio.decodeWav(input);
        TestAudio.Pcm out = TestAudio.decodeWav(response.body());
        assertEquals(-6.0, TestAudio.decibels(out.peak() / in.peak()), 0.1, "level change in dB");
        assertEquals(in.seconds(), out.seconds(), 1.0 / in.sampleRate(), "duration in seconds");
    }

    /** Every import is a {@code dev.streamkit.api} package with a {@code [1.x,2)} range, or a JDK package. */
    private static void assertImportsOnlyTheApiWithMajorVersionRanges(String imports) {
        assertNotNull(imports, "the bundle has an Import-Package header");
        Matcher m = IMPORT.matcher(imports);
        int api = 0;
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("java.")) continue;
            assertTrue(name.startsWith("dev.streamkit.api."), "unexpected import " + name + " in " + imports);
            assertTrue(m.group(3) != null && m.group(3).matches("\\[1\\.\\d+(\\.\\d+)?,2\\)"),
                    "import " + name + " has range " + m.group(3));
            api++;
        }
        assertTrue(api > 0, "imports the API: " + imports);
    }
}
