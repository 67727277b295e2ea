package dev.streamkit.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamkit.plugins.PluginRefusal;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleJarCheckTest {

    @TempDir
    Path dir;

    @Test
    void acceptsABundleAndReadsItsIdentity() throws Exception {
        Path jar = jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "a.b;singleton:=true", "Bundle-Version", "1.2.3"),
                "a/b/C.class");
        BundleIdentity identity = BundleJarCheck.check(jar);
        assertEquals("a.b", identity.symbolicName());
        assertEquals("1.2.3", identity.version().toString());
        assertNull(BundleJarCheck.problem(jar));
    }

    @Test
    void refusesJarsWithoutABundleManifest() throws Exception {
        assertRefused(jar(Map.of("Bundle-SymbolicName", "a.b"), "x.txt"), "Bundle-ManifestVersion");
        assertRefused(jar(Map.of("Bundle-ManifestVersion", "2"), "x.txt"), "Bundle-SymbolicName");
        assertRefused(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "a", "Bundle-Version", "one"), "x.txt"),
                "invalid Bundle-Version 'one'");
    }

    @Test
    void refusesWhatIsNotAZip() throws Exception {
        Path file = Files.writeString(dir.resolve("text.jar"), "just text");
        assertRefused(file, "not a jar");
    }

    @Test
    void refusesEntriesThatLeaveTheirFolder() throws Exception {
        Map<String, String> bundle = Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "a");
        assertRefused(jar(bundle, "../up.txt"), "'../up.txt' would escape its folder");
        assertRefused(jar(bundle, "a/../../up.txt"), "would escape");
        assertRefused(jar(bundle, "/etc/passwd"), "would escape");
        assertTrue(BundleJarCheck.escapesItsFolder("C:/windows.txt"));
        assertTrue(BundleJarCheck.escapesItsFolder("a\\..\\b"));
        assertFalse(BundleJarCheck.escapesItsFolder("a/..b/c..d"));
    }

    private static void assertRefused(Path jar, String reasonPart) {
        PluginRefusal refusal = assertThrows(PluginRefusal.class, () -> BundleJarCheck.check(jar));
        assertEquals(PluginRefusal.Cause.INVALID_BUNDLE, refusal.refusal());
        assertTrue(refusal.getMessage().contains(reasonPart), refusal.getMessage());
    }

    private Path jar(Map<String, String> headers, String entry) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        Path jar = Files.createTempFile(dir, "test", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new ZipEntry(entry));
            out.closeEntry();
        }
        return jar;
    }
}
