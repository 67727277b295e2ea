package dev.streamkit.itests.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that run the product's own bundle set (the resolved runtime exported to
 * {@code distribution/target/export/skit}, system property {@code skit.bundles}) inside an embedded Felix.
 * Every bundle except fragments is started; SPI Fly and the SLF4J provider start first, as in the launcher.
 * A generated {@code skit.toml} puts the HTTP transport on a free loopback port and allows reads from the
 * test's own folder ({@code target/paxexam/run-*}, which also holds the framework cache and an empty
 * FileInstall folder). Felix's implicit boot delegation is off so that ServiceLoader lookups (SLF4J, Jetty)
 * find the bundles' providers, not the copies on the test class path. Pax Exam's own bundles come from the
 * local Maven repository only (see the Surefire configuration).
 */
final class InFrameworkRuntime {

    /**
     * SPI Fly and slf4j.simple share level 1 with Pax Exam's own bundles, which log through SLF4J: were they
     * later, SLF4J would initialise without its provider. Within a level, install order decides.
     */
    private static final int FIRST_LEVEL = 1;
    private static final int DEFAULT_LEVEL = 3;
    /** Framework property: the test's private folder, readable by {@code core::file_reader}. */
    static final String WORK_DIR_PROPERTY = "skit.itest.dir";
    /** A small file in that folder for pipelines that read one. */
    static final String INPUT_FILE = "input.bin";
    private static final Set<String> FIRST = Set.of("org.apache.aries.spifly.dynamic.bundle", "slf4j.simple");

    private InFrameworkRuntime() {
    }

    /** The runtime bundles, a private configuration and the JUnit bundles for the probe. */
    static Option options() throws IOException {
        Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "paxexam"));
        Path work = Files.createTempDirectory(target, "run-").toRealPath();
        Files.write(work.resolve(INPUT_FILE), new byte[] {1, 2, 3, 4});
        Path toml = work.resolve("skit.toml");
        Files.writeString(toml, "[server]\naddress = \"127.0.0.1:" + freePort() + "\"\n"
                + "[security]\nallowed_file_paths = ['" + work + "/**']\n");
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(work.resolve("exam").toString()));
        options.add(systemTimeout(30_000));
        options.add(frameworkProperty("streamkit.config.file").value(toml.toString()));
        options.add(frameworkProperty(WORK_DIR_PROPERTY).value(work.toString()));
        options.add(frameworkProperty("felix.bootdelegation.implicit").value("false"));
        Path deploy = Files.createDirectory(work.resolve("deploy"));
        options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.toString()));
        options.add(systemPackage("sun.misc"));
        for (Path jar : runtimeBundles()) {
            Attributes manifest = manifest(jar);
            String name = String.valueOf(manifest.getValue("Bundle-SymbolicName")).split(";")[0].trim();
            boolean fragment = manifest.getValue("Fragment-Host") != null;
            options.add(bundle(jar.toUri().toString()).startLevel(FIRST.contains(name) ? FIRST_LEVEL : DEFAULT_LEVEL)
                    .start(!fragment));
        }
        options.add(junitBundles());
        return composite(options.toArray(Option[]::new));
    }

    private static List<Path> runtimeBundles() throws IOException {
        String dir = System.getProperty("skit.bundles");
        if (dir == null) throw new IllegalStateException("system property skit.bundles is not set");
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) throw new IllegalStateException("no bundles in " + dir + "; run mvn install first");
            return jars;
        }
    }

    private static Attributes manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
