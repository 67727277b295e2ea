package dev.streamkit.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * A node-plugin project generated from the reactor's archetype ({@code templates/node-plugin-archetype})
 * and built by Maven, both run as real {@code mvn} processes, offline, on the local repository the
 * reactor build installed into (so after {@code mvn install}, never after a bare {@code verify}).
 * System properties from the itests pom: {@code skit.maven.home}, {@code skit.maven.repo.local},
 * {@code skit.archetype.version}, {@code skit.archetype.plugin.version}.
 */
final class PluginProject {

    private static final Duration GENERATE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

    final Path dir;
    final String artifactId;
    final String version;

    private PluginProject(Path dir, String artifactId, String version) {
        this.dir = dir;
        this.artifactId = artifactId;
        this.version = version;
    }

    /** Runs {@code archetype:generate} in {@code parent}: project {@code groupId:artifactId:version} providing {@code kind}. */
    static PluginProject generate(Path parent, String groupId, String artifactId, String version, String kind)
            throws IOException, InterruptedException {
        String plugin = "org.apache.maven.plugins:maven-archetype-plugin:" + property("skit.archetype.plugin.version") + ":generate";
        Commands.run(parent, GENERATE_TIMEOUT, maven(plugin, "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=dev.streamkit", "-DarchetypeArtifactId=node-plugin-archetype",
                "-DarchetypeVersion=" + property("skit.archetype.version"),
                "-DgroupId=" + groupId, "-DartifactId=" + artifactId, "-Dversion=" + version,
                "-Dpackage=" + groupId + ".plugin", "-DnodeKind=" + kind));
        return new PluginProject(parent.resolve(artifactId), artifactId, version);
    }

    /** Runs {@code mvn package}; returns its output. */
    String packageBundle() throws IOException, InterruptedException {
        return Commands.run(dir, BUILD_TIMEOUT, maven("package"));
    }

    /** The bundle {@code mvn package} wrote. */
    Path jar() {
        return dir.resolve("target").resolve(artifactId + "-" + version + ".jar");
    }

    /** A main attribute of the bundle's manifest, or null. */
    String manifestHeader(String name) throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            return jar.getManifest().getMainAttributes().getValue(new Attributes.Name(name));
        }
    }

    /** How many tests the build's surefire reports count, over all test classes. */
    int testsRun() throws IOException {
        Path reports = dir.resolve("target/surefire-reports");
        if (!Files.isDirectory(reports)) return 0;
        int total = 0;
        try (var files = Files.list(reports)) {
            for (Path report : files.filter(f -> f.getFileName().toString().startsWith("TEST-")).toList()) {
                String xml = Files.readString(report);
                int at = xml.indexOf("tests=\"");
                if (at >= 0) total += Integer.parseInt(xml.substring(at + 7, xml.indexOf('"', at + 7)));
            }
        }
        return total;
    }

    private static List<String> maven(String... goalsAndOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(property("skit.maven.home"), "bin", "mvn").toString(),
                "-B", "-o", "-ntp", "-Dmaven.repo.local=" + property("skit.maven.repo.local")));
        command.addAll(List.of(goalsAndOptions));
        return command;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("system property " + name + " is not set (itests pom)");
        return value;
    }
}
