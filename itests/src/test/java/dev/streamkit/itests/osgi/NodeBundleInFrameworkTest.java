package dev.streamkit.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import dev.streamkit.api.pipeline.Pipeline;
import dev.streamkit.engine.Engine;
import dev.streamkit.engine.OneshotRun;
import dev.streamkit.engine.RegisteredKind;
import dev.streamkit.itests.TestBundleBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Inside a real Felix running the product's bundles: a Declarative Services node bundle compiled and packed
 * by the test is installed into the running framework; its kind becomes usable in a pipeline without a
 * restart (a oneshot pipeline through it is prepared, cancelled, and run to the end) and disappears when
 * the bundle is uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NodeBundleInFrameworkTest {

    private static final String KIND = "test::echo_in_framework";

    @Inject
    private Engine engine;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws Exception {
        return new Option[] {InFrameworkRuntime.options()};
    }

    @Test(timeout = 60_000)
    public void installedBundleAddsItsKindAndUninstallRemovesIt() throws Exception {
        assertEquals(Optional.empty(), engine.registry().lookup(KIND));
        Path buildDir = Files.createDirectory(workDir().resolve("plugin"));
        Path jar = TestBundleBuilder.nodeBundle(buildDir, "test.plugin.inframework", KIND);
        Bundle bundle = context.installBundle(jar.toUri().toString());
        try {
            bundle.start();
            RegisteredKind entry = Awaits.until(() -> engine.registry().lookup(KIND), Optional::isPresent,
                    KIND + " to appear").get();
            assertEquals("test.plugin.inframework", entry.bundle());
            assertEquals("1.0.0", entry.bundleVersion());
            prepareAndRun();
        } finally {
            bundle.uninstall();
        }
        Awaits.until(() -> engine.registry().lookup(KIND), Optional::isEmpty, KIND + " to disappear");
    }

    /** A pipeline through the new kind can be prepared (then cancelled) and also runs to the end. */
    private void prepareAndRun() throws Exception {
        Path input = workDir().resolve(InFrameworkRuntime.INPUT_FILE);
        Pipeline pipeline = engine.compile("""
                mode: oneshot
                steps:
                  - kind: core::file_reader
                    params: { path: "%s" }
                  - kind: %s
                  - kind: core::sink
                """.formatted(input, KIND));
        OneshotRun cancelled = engine.prepareOneshot(pipeline, Map.of());
        assertNotNull(cancelled);
        cancelled.cancel("test over");

        OneshotRun run = engine.prepareOneshot(pipeline, Map.of());
        run.start();
        run.completion().get(10, TimeUnit.SECONDS);
    }

    private Path workDir() {
        return Path.of(context.getProperty(InFrameworkRuntime.WORK_DIR_PROPERTY));
    }
}
