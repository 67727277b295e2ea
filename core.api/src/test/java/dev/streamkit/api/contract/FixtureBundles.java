package dev.streamkit.api.contract;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds bundles the way a plugin author's (or this project's) build does, inside a test: compiles Java
 * sources with the JDK compiler, then lets bnd analyse the classes and write the manifest (exports from
 * {@code package-info} annotations, imports with the ranges bnd derives from the type roles).
 */
final class FixtureBundles {

    /** The classes of core.api as compiled by this build (surefire runs in the module's folder). */
    static final Path CORE_API_CLASSES = Path.of("target", "classes").toAbsolutePath();

    private FixtureBundles() {
    }

    /**
     * Compiles {@code sources} (file path under the source root, e.g. {@code "p/A.java"}, to its text) into a
     * fresh folder under {@code workDir}, against {@code classpath} and the OSGi annotations.
     */
    static Path compile(Path workDir, Map<String, String> sources, List<Path> classpath) throws IOException {
        Path src = Files.createTempDirectory(workDir, "src");
        Path classes = Files.createTempDirectory(workDir, "classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-cp", classpathWithAnnotations(classpath)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = compiler.run(null, null, errors, args.toArray(String[]::new));
        if (result != 0) throw new IllegalStateException("fixture does not compile:\n" + errors);
        return classes;
    }

    /**
     * Wraps {@code classes} into a bundle at {@code jar} with the given bnd instructions
     * ({@code Bundle-SymbolicName}, {@code Bundle-Version}, {@code -includepackage}...);
     * fails on any error bnd reports, as the build does ({@code -failok: false}).
     */
    static Path bundle(Path classes, Path jar, Map<String, String> instructions, List<Path> buildPath)
            throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("-noextraheaders", "true");
            instructions.forEach(builder::setProperty);
            builder.addClasspath(classes.toFile());
            for (Path dependency : buildPath) builder.addClasspath(dependency.toFile());
            try (Jar built = builder.build()) {
                if (!builder.getErrors().isEmpty()) {
                    throw new IllegalStateException("bnd refused " + jar.getFileName() + ": " + builder.getErrors());
                }
                built.write(jar.toFile());
            }
        }
        return jar;
    }

    /** The {@code Import-Package} (or any) main attribute of a bundle's manifest. */
    static String header(Path jar, String name) throws Exception {
        try (Jar bundle = new Jar(jar.toFile())) {
            return bundle.getManifest().getMainAttributes().getValue(name);
        }
    }

    private static String classpathWithAnnotations(List<Path> classpath) {
        String annotations = new File(org.osgi.annotation.versioning.ConsumerType.class.getProtectionDomain()
                .getCodeSource().getLocation().getPath()).getPath();
        return classpath.stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator, annotations + File.pathSeparator, ""));
    }
}
