package dev.streamkit.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the runtime's parts live: the resolved bundles ({@code skit.bundles}), the hot-deploy folder
 * ({@code skit.deploy}, default {@code ./deploy}) and the data folder for the framework cache
 * ({@code skit.data}, default {@code ./.skit-data}).
 */
record RuntimeLayout(Path bundles, Path deploy, Path data) {

    static RuntimeLayout fromSystemProperties() {
        String bundles = System.getProperty("skit.bundles");
        if (bundles == null) throw new IllegalStateException("system property skit.bundles is not set (run ./skit)");
        return new RuntimeLayout(Path.of(bundles).toAbsolutePath(),
                Path.of(System.getProperty("skit.deploy", "deploy")).toAbsolutePath(),
                Path.of(System.getProperty("skit.data", ".skit-data")).toAbsolutePath());
    }

    /** Every bundle jar of the runtime, sorted by file name. @throws IllegalStateException when the folder has none */
    List<Path> bundleJars() throws IOException {
        if (!Files.isDirectory(bundles)) {
            throw new IllegalStateException("no runtime bundles in " + bundles + " (build them: mvn install -DskipTests, or run ./skit without SKIT_NO_BUILD)");
        }
        try (Stream<Path> files = Files.walk(bundles)) {
            return files.filter(path -> path.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
