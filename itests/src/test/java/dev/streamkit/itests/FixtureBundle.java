package dev.streamkit.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The fixture node bundle the reactor builds ({@code itests.fixtures}, path in {@code skit.fixtures.jar}),
 * its kinds, and newer revisions of it made by rewriting the jar: a higher {@code Bundle-Version} and another
 * factor in {@value #GAIN_RESOURCE}, so that the framework installs it as a genuinely new revision with its
 * own class loader, and the audio level shows which revision processes it.
 */
final class FixtureBundle {

    static final String SYMBOLIC_NAME = "dev.streamkit.itests.fixtures";
    static final String GAIN = "fixture::gain";
    static final String GAIN_BLOCKING = "fixture::gain_blocking";
    static final String STALL = "fixture::stall";
    static final String CLOSE_PROBE = "fixture::close_probe";
    static final List<String> KINDS = List.of(GAIN, GAIN_BLOCKING, STALL, CLOSE_PROBE);
    static final String GAIN_RESOURCE = "fixture-gain.properties";
    /** The name the tests give the bundle in a server's {@code deploy/} folder. */
    static final String FILE_NAME = "fixtures.jar";
    private static final String BUNDLE_VERSION = "Bundle-Version";

    private FixtureBundle() {
    }

    /** The jar built by the reactor. */
    static Path jar() {
        String property = System.getProperty("skit.fixtures.jar");
        if (property == null) throw new IllegalStateException("system property skit.fixtures.jar is not set");
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("fixture bundle not built: " + jar);
        return jar;
    }

    /**
     * Puts the built jar into {@code server}'s {@code deploy/} folder as {@value #FILE_NAME} (replacing any
     * other revision there) and waits until it provides all its kinds; returns its version. The same jar
     * already deployed is left alone: replacing it would make FileInstall update the bundle once more, later,
     * while the test already runs sessions on it.
     */
    static String deploy(SkitServer server) throws Exception {
        String version = version(jar());
        Path deployed = server.workDir.resolve("deploy").resolve(FILE_NAME);
        if (!Files.exists(deployed) || Files.mismatch(deployed, jar()) != -1) new DeployFolder(server).put(jar(), FILE_NAME);
        for (String kind : KINDS) NodeKinds.awaitProvider(server, kind, SYMBOLIC_NAME, version);
        return version;
    }

    /** The {@code Bundle-Version} in {@code jar}'s manifest. */
    static String version(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(BUNDLE_VERSION);
        }
    }

    /** The next minor version without qualifier: {@code 0.1.0.202601011200} gives {@code 0.2.0}. */
    static String nextMinor(String version) {
        String[] parts = version.split("\\.");
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return parts[0] + "." + (minor + 1) + ".0";
    }

    /**
     * Writes to {@code target} a copy of {@code jar} with {@code Bundle-Version: version} and
     * {@value #GAIN_RESOURCE} saying {@code factor=<factor>}; every other entry is copied unchanged.
     */
    static Path revision(Path jar, Path target, String version, double factor) throws IOException {
        try (JarFile source = new JarFile(jar.toFile());
             OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(source.getManifest());
            manifest.getMainAttributes().putValue(BUNDLE_VERSION, version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) continue;
                    out.putNextEntry(new JarEntry(entry.getName()));
                    if (entry.getName().equals(GAIN_RESOURCE)) {
                        out.write(("factor=" + factor + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    } else {
                        try (InputStream in = source.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
