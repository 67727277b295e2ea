package dev.streamkit.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Jars a plugin folder must not accept: one without a bundle manifest, one whose entries leave their folder. */
final class MalformedJars {

    private MalformedJars() {
    }

    /** A jar with a manifest that declares no bundle (no Bundle-SymbolicName, no Bundle-ManifestVersion). */
    static Path notABundle(Path folder) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Created-By", "a test that wants a plain library jar");
        return write(folder.resolve("plain-library.jar"), manifest, "lib/readme.txt");
    }

    /** A bundle manifest plus an entry {@code ../escaped.txt}, which an unpacking tool would write outside its folder. */
    static Path withEscapingEntry(Path folder) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.zipslip");
        main.putValue("Bundle-Version", "1.0.0");
        return write(folder.resolve("zipslip.jar"), manifest, "../escaped.txt");
    }

    private static Path write(Path jar, Manifest manifest, String entry) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write("content".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
